/**
 * Decoding of article files. Chinese archives come as UTF-8 (with or without BOM), UTF-16 with BOM,
 * Big5 or GBK/GB18030. A wrong guess shows mojibake, so a legacy encoding is chosen only when it
 * decodes without error and reads as Chinese.
 */

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const LEGACY_ENCODINGS = ['big5', 'gb18030'] as const;

// Frequent characters of Chinese prose in both scripts: right decodings are full of them.
const COMMON_CHARACTERS = new Set(
  '的一是在了不和有大這这為为上個个國国我以要他時时來来用們们生到作地於于出就分對对成會会可主發发年動动同工也能下過过子說说產产種种面而方後后多定行學学法所民得經经黨党委議议員员書书長长領领導导',
);

export function decodeArticleFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictDecode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode(bytes.subarray(2), 'utf-16be');
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (NUL bytes) without a UTF-16 byte order mark' };

  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8.ok) return utf8;

  const candidates = LEGACY_ENCODINGS.map(encoding => strictDecode(bytes, encoding)).filter(
    (result): result is Extract<DecodeResult, { ok: true }> => result.ok,
  );
  if (candidates.length === 0) return { ok: false, reason: 'not valid UTF-8, Big5 or GB18030' };
  candidates.sort((a, b) => chineseScore(b.text) - chineseScore(a.text));
  const best = candidates[0]!;
  if (chineseScore(best.text) <= 0) return { ok: false, reason: `decodes as ${best.encoding} but does not read as Chinese text` };
  return best;
}

function strictDecode(bytes: Uint8Array, encoding: string): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: `not valid ${encoding}` };
  }
}

/** Common Chinese characters per 1,000 characters, less private-use and control noise. */
function chineseScore(text: string): number {
  let common = 0;
  let noise = 0;
  for (const ch of text) {
    if (COMMON_CHARACTERS.has(ch)) common++;
    const code = ch.codePointAt(0)!;
    if ((code >= 0xe000 && code <= 0xf8ff) || (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t')) noise++;
  }
  return ((common - 5 * noise) * 1000) / Math.max(1, text.length);
}
