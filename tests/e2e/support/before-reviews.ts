// The e2e data's workspace from before reviews (old-database.ts makes it; specs sign in as its owner, with the demo
// password, and look for its model).
export const BEFORE_REVIEWS_WORKSPACE = "Pedal Works (from before reviews)";
export const BEFORE_REVIEWS_OWNER = { email: "owner@pedalworks.example", name: "Pia Pedal", role: "owner" as const };
export const MODEL_FROM_BEFORE_REVIEWS = "Bike demand, first try";
