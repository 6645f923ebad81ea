import { describe, expect, it } from "vitest";
import { LruCache } from "@/lib/charts/lru";

describe("LruCache", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1).set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect(cache.has("b")).toBe(false);
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("replacing a key keeps one entry and makes it the most recent", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1).set("b", 2).set("a", 10).set("c", 3);
    expect(cache.get("a")).toBe(10);
    expect(cache.has("b")).toBe(false);
  });

  it("getOrSet computes once per key", () => {
    const cache = new LruCache<string, number>(4);
    let calls = 0;
    const make = () => ++calls;
    expect(cache.getOrSet("k", make)).toBe(1);
    expect(cache.getOrSet("k", make)).toBe(1);
    expect(calls).toBe(1);
  });

  it.each([0, -1, 1.5])("refuses a capacity of %s", (capacity) => {
    expect(() => new LruCache(capacity)).toThrow(RangeError);
  });
});
