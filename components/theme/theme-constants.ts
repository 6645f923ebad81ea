// The reader's colour choice: a cookie the server reads (so the page arrives with the right class on <html>), or no
// cookie for "same as the device" (then an inline script sets the class before the first paint).
export const THEME_COOKIE = "sightline-theme";
export type ThemeChoice = "light" | "dark";

export function parseThemeChoice(value: string | undefined): ThemeChoice | null {
  return value === "light" || value === "dark" ? value : null;
}
