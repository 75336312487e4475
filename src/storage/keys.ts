/**
 * Maximum length of an encoded PartitionKey or RowKey in UTF-16 code units.
 * Azure Table Storage allows 1 KiB per key, and it counts 2 bytes per UTF-16 code unit.
 */
export const MAX_KEY_LENGTH = 512;

/**
 * Characters that Azure Table Storage rejects in PartitionKey and RowKey (`/ \ # ?`, U+0000 to U+001F,
 * U+007F to U+009F), plus `%`, which starts an escape and so must itself be escaped to stay reversible.
 */
const ESCAPED_CHARACTERS = /[/\\#?%\u0000-\u001f\u007f-\u009f]/g;

const ESCAPE_SEQUENCE = /%([0-9A-F]{2})/g;

/**
 * Encodes a value for use as a PartitionKey or RowKey by percent-encoding the characters Azure rejects
 * and `%`. Other characters, such as the `:` `;` `@` of Teams ids, stay readable.
 *
 * @throws RangeError when the value is empty or the encoded key is longer than {@link MAX_KEY_LENGTH}.
 */
export function encodeKey(value: string): string {
  if (value.length === 0) {
    throw new RangeError('Invalid table key: the value is empty');
  }

  const encoded = value.replace(ESCAPED_CHARACTERS, (character) => {
    return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });

  if (encoded.length > MAX_KEY_LENGTH) {
    throw new RangeError(
      `Invalid table key "${encoded.slice(0, 40)}...": ${encoded.length} characters encoded, the maximum is ${MAX_KEY_LENGTH}`,
    );
  }
  return encoded;
}

/**
 * Decodes a key written by {@link encodeKey}.
 *
 * @throws RangeError when a `%` is not followed by two uppercase hex digits.
 */
export function decodeKey(key: string): string {
  const withoutEscapes = key.replace(ESCAPE_SEQUENCE, '');
  if (withoutEscapes.includes('%')) {
    throw new RangeError(`Invalid encoded table key "${key}": every "%" must start an escape such as "%2F"`);
  }

  return key.replace(ESCAPE_SEQUENCE, (_sequence, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
