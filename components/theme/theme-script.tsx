// Runs before the first paint: without a stored choice, follows the device's setting (and keeps following it).
// It carries the request's CSP nonce (proxy.ts), since the policy refuses inline scripts without it.
const SCRIPT = `(function(){try{var d=document.documentElement;if(d.classList.contains("light")||d.classList.contains("dark"))return;var q=window.matchMedia("(prefers-color-scheme: dark)");var set=function(){if(d.dataset.theme==="chosen")return;d.classList.toggle("dark",q.matches)};set();q.addEventListener("change",set)}catch(e){}})();`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
