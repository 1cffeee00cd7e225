/**
 * A --json document written in pieces: exactly the text of `JSON.stringify(doc, null, 2)` and a
 * newline, without ever holding all of it. A 20,000-teacher check is a 20 MB document; as one
 * string, then one buffer for standard output, it was the run's peak of memory.
 */

/** The small pieces between batches are gathered to about this many characters before they are written. */
const PIECE = 1 << 20;

const INDENT = '  ';
/** Elements of an array stringified at once: few calls, each a few hundred kilobytes of text. */
const BATCH = 500;

/**
 * Writes the document to `write` in pieces: each batch of an array's elements, and what lies between
 * gathered to about a megabyte. The top-level object's members are laid out here, and its arrays in
 * batches of elements; each is JSON.stringify's own text, indented one level deeper (a JSON text has
 * no raw newline inside a string, so every newline in it is layout).
 */
export function writeJson(doc: Record<string, unknown>, write: (text: string) => void): void {
  let out = '';
  const put = (text: string) => {
    out += text;
    if (out.length >= PIECE) {
      write(out);
      out = '';
    }
  };
  // A batch's lines (hundreds of kilobytes) are written as they are, after what is pending: joined
  // to it they would be copied once more, into one flat string, before being encoded for output.
  const putLarge = (text: string) => {
    if (out !== '') write(out);
    out = '';
    write(text);
  };
  const members = Object.keys(doc).filter((k) => isValue(doc[k]));
  if (members.length === 0) put('{}');
  else {
    put('{');
    members.forEach((key, i) => {
      put(`${i === 0 ? '' : ','}\n${INDENT}${JSON.stringify(key)}: `);
      const value = doc[key];
      if (Array.isArray(value) && value.length > 0) {
        put('[');
        for (let j = 0; j < value.length; j += BATCH) {
          if (j > 0) put(',');
          putLarge(elementLines(value.slice(j, j + BATCH)));
        }
        put(`\n${INDENT}]`);
      } else {
        put(nested(value, 1));
      }
    });
    put('\n}');
  }
  put('\n');
  if (out !== '') write(out);
}

/** What JSON.stringify writes for an object member (it leaves out undefined, functions and symbols). */
function isValue(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** JSON.stringify's text of `value` as it stands `depth` levels deep in the document. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${INDENT.repeat(depth)}`);
}

/** The head and tail JSON.stringify puts around the elements of `{"": [ … ]}`. */
const WRAPPED_HEAD = '{\n  "": ['.length;
const WRAPPED_TAIL = '\n  ]\n}'.length;

/**
 * The lines of a batch of a top-level array's elements, each at its depth in the document, without
 * the array's brackets. Stringified inside a wrapper of the same depth, so that JSON.stringify
 * indents them itself: re-indenting a batch's text afterwards cost a third of the writing.
 */
function elementLines(batch: readonly unknown[]): string {
  const text = JSON.stringify({ '': batch }, null, 2);
  return text.slice(WRAPPED_HEAD, text.length - WRAPPED_TAIL);
}
