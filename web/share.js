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
// UTF-8 takes at most 3 bytes per UTF-16 code unit: no code within the limit is longer.
const MAX_CODE_BYTES = 3 * MAX_CODE_CHARS;
// The longest payload such code can make (uncompressed, base64: 4 characters per 3 bytes).
const MAX_PAYLOAD_CHARS = 1 + Math.ceil(MAX_CODE_BYTES / 3) * 4;
// Compressed input goes into the inflater this many bytes at a time: deflate
// expands a byte to at most about a kilobyte, so a piece never yields more than
// about a megabyte before the reader below can stop.
const INFLATE_PIECE = 1024;

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

/** The inflated bytes, or null as soon as they pass MAX_CODE_BYTES (a
    decompression bomb is never inflated further than that). */
async function inflate(bytes) {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    for (let at = 0; at < bytes.length; at += INFLATE_PIECE) {
      await writer.write(bytes.subarray(at, at + INFLATE_PIECE));
    }
    await writer.close();
  })();
  feeding.catch(() => {}); // (a broken stream is reported by the reader)
  const parts = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_CODE_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The code as a fragment-safe payload. */
export async function encodeCode(code) {
  const bytes = new TextEncoder().encode(code);
  if (typeof CompressionStream === "function") {
    return `z${toBase64Url(await through(new CompressionStream("deflate-raw"), bytes))}`;
  }
  return `t${toBase64Url(bytes)}`;
}

/** The code from a payload, or null if it is not one (or too big). The size is
    checked before anything is decoded and again while inflating. */
export async function decodeCode(payload) {
  if (payload.length > MAX_PAYLOAD_CHARS) return null;
  try {
    let bytes = fromBase64Url(payload.slice(1));
    if (payload[0] === "z") {
      if (typeof DecompressionStream !== "function") return null;
      bytes = await inflate(bytes);
      if (bytes === null) return null;
    } else if (payload[0] !== "t") {
      return null;
    }
    if (bytes.length > MAX_CODE_BYTES) return null;
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
