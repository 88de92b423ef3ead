/**
 * Just enough MIME reading for the tests (mailparser is not installed): headers with folded
 * lines and RFC 2047 encoded words, nested multipart bodies, base64 and quoted-printable.
 */
export interface MimePart {
  headers: Record<string, string>;
  /** Decoded body bytes (leaf parts). */
  body: Buffer;
  parts: MimePart[];
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_all, _charset, encoding: string, text: string) =>
        encoding.toUpperCase() === "B"
          ? Buffer.from(text, "base64").toString("utf8")
          : decodeQuotedPrintable(text.replaceAll("_", " ")).toString("utf8"),
    );
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i] as string;
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, "utf8"));
  }
  return Buffer.from(bytes);
}

export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(
        line.slice(colon + 1).trim(),
      );
  }
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith("multipart/") && boundary) {
    const pieces = body.split(`--${boundary}`).slice(1);
    const parts = pieces
      .filter((piece) => !piece.startsWith("--"))
      .map((piece) => parseMime(piece.replace(/^\r?\n/, "")));
    return { headers, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const trimmed = body.replace(/\r?\n$/, "");
  const decoded =
    encoding === "base64"
      ? Buffer.from(trimmed.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(trimmed)
        : Buffer.from(trimmed, "utf8");
  return { headers, body: decoded, parts: [] };
}

/** Every leaf part, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

export function partOfType(message: MimePart, type: string): MimePart | undefined {
  return leaves(message).find(
    (p) =>
      (p.headers["content-type"] ?? "").startsWith(type) &&
      !(p.headers["content-disposition"] ?? "").startsWith("attachment"),
  );
}

export function attachments(message: MimePart): { filename: string; content: string }[] {
  return leaves(message)
    .filter((p) => (p.headers["content-disposition"] ?? "").startsWith("attachment"))
    .map((p) => ({
      filename: /filename="?([^";]+)"?/.exec(p.headers["content-disposition"] ?? "")?.[1] ?? "",
      content: p.body.toString("utf8"),
    }));
}
