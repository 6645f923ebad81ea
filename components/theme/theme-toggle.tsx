"use client";

import { useSyncExternalStore } from "react";
import { STATUS_WORDS } from "@/lib/narrative/status-words";
import { THEME_COOKIE } from "./theme-constants";

const YEAR = 60 * 60 * 24 * 365;

const DEVICE_DARK = "(prefers-color-scheme: dark)";

/** Dark when chosen, or when nothing was chosen and the device is dark (the CSS follows the same rule). */
function isDark(): boolean {
  const list = document.documentElement.classList;
  return list.contains("dark") || (!list.contains("light") && window.matchMedia(DEVICE_DARK).matches);
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  const device = window.matchMedia(DEVICE_DARK);
  device.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    device.removeEventListener("change", onChange);
  };
}

/** Switches between light and dark colours; the choice is kept in a cookie so the server renders it next time. */
export function ThemeToggle({ initial }: { initial: boolean }) {
  const dark = useSyncExternalStore(subscribe, isDark, () => initial);
  function toggle() {
    const next = dark ? "light" : "dark";
    const root = document.documentElement;
    root.dataset.theme = "chosen";
    root.classList.toggle("dark", next === "dark");
    root.classList.toggle("light", next === "light");
    document.cookie = `${THEME_COOKIE}=${next}; Path=/; Max-Age=${YEAR}; SameSite=Lax`;
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark}
      data-testid="theme-toggle"
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-[var(--shell-border)] px-2 text-sm text-[var(--shell-fg)] hover:bg-[var(--shell-hover)]"
    >
      {dark ? (
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path fillRule="evenodd" d="M7.5 2.1a.8.8 0 0 1 .3.8 7 7 0 0 0 9.3 8.1.8.8 0 0 1 1 1A8.5 8.5 0 1 1 6.7 2a.8.8 0 0 1 .8.1Z" clipRule="evenodd" />
        </svg>
      ) : (
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <circle cx="10" cy="10" r="3.5" />
          <path d="M10 1.5v2M10 16.5v2M1.5 10h2M16.5 10h2M4 4l1.4 1.4M14.6 14.6 16 16M4 16l1.4-1.4M14.6 5.4 16 4" strokeLinecap="round" />
        </svg>
      )}
      <span>{STATUS_WORDS.themeDark}</span>
    </button>
  );
}
