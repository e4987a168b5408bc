const ESCAPE = /\\(?:[nrt"\\]|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})|\$\$\{|%%\{/g;

/** HCL's escapes in a quoted string; `$${` and `%%{` stand for a literal `${` and `%{`. */
export function decodeEscapes(raw: string): string {
  return raw.replace(ESCAPE, (sequence) => {
    switch (sequence) {
      case '\\n': return '\n';
      case '\\r': return '\r';
      case '\\t': return '\t';
      case '\\"': return '"';
      case '\\\\': return '\\';
      case '$${': return '${';
      case '%%{': return '%{';
      default: return String.fromCodePoint(parseInt(sequence.slice(2), 16));
    }
  });
}
