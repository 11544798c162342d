// "Copy link": a block's current code, carried in the URL fragment.
//
//   https://site/gates/multiply/#bp-code=gates/multiply_value.py~z<base64url>
//
// The payload is the code as UTF-8, compressed with deflate-raw where the
// browser has CompressionStream ("z"), or plain ("t"), then base64url. The
// fragment never reaches the server. Opening such a link shows that code in
// that block (see runner.js); nothing here touches the page.

const KEY = "bp-code=";
const MAX_CODE_CHARS = 100_000; // a shared link is a starting point, not a project

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(stream, bytes) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** The code as a fragment-safe payload. */
export async function encodeCode(code) {
  const bytes = new TextEncoder().encode(code);
  if (typeof CompressionStream === "function") {
    return `z${toBase64Url(await through(new CompressionStream("deflate-raw"), bytes))}`;
  }
  return `t${toBase64Url(bytes)}`;
}

/** The code from a payload, or null if it is not one (or too big). */
export async function decodeCode(payload) {
  try {
    let bytes = fromBase64Url(payload.slice(1));
    if (payload[0] === "z") {
      if (typeof DecompressionStream !== "function") return null;
      bytes = await through(new DecompressionStream("deflate-raw"), bytes);
    } else if (payload[0] !== "t") {
      return null;
    }
    const code = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return code.length <= MAX_CODE_CHARS ? code : null;
  } catch {
    return null;
  }
}

/** The page's URL with this block's code in the fragment. */
export async function shareUrl(snippet, code, href = location.href) {
  const url = new URL(href);
  url.hash = `${KEY}${snippet}~${await encodeCode(code)}`;
  return url.href;
}

/** {snippet, code} if the URL carries shared code, else null. */
export async function sharedCode(href = location.href) {
  const hash = new URL(href).hash.slice(1);
  if (!hash.startsWith(KEY)) return null;
  const [snippet, payload] = hash.slice(KEY.length).split("~");
  if (!snippet || !payload || !/^[\w./-]+\.py$/.test(snippet)) return null;
  const code = await decodeCode(payload);
  return code === null ? null : { snippet, code };
}

/** Put the link on the clipboard; resolves to the link (also when copying was refused). */
export async function copyLink(snippet, code) {
  const url = await shareUrl(snippet, code);
  try {
    await navigator.clipboard.writeText(url);
    return { url, copied: true };
  } catch {
    return { url, copied: false }; // the page shows the link to copy by hand
  }
}
