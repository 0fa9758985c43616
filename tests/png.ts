/** The facts a PNG's header states (its signature, then the IHDR chunk), read as the format lays them out. */
export function pngHeader(bytes: Buffer): { width: number; height: number; bitDepth: number; colourType: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: wrong signature');
  // The first chunk must be IHDR, 13 bytes long: width, height, bit depth, colour type, then three more bytes.
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colourType: bytes[25]! };
}
