/** Small PDFs written object by object, for the refusal tests (encrypted, too many pages, bombs). */
/** A PDF from its objects' bodies (object n is `objects[n-1]`), with a correct xref table. */
export function pdf(objects: (string | Buffer)[], trailer = ""): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = parts[0]?.byteLength ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"),
      Buffer.from("\nendobj\n"),
    ]);
    parts.push(part);
    length += part.byteLength;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>`,
    "startxref",
    String(length),
    "%%EOF",
  ].join("\n");
  return new Uint8Array(Buffer.concat([...parts, Buffer.from(xref)]));
}

export function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.byteLength} >>\nstream\n`),
    data,
    Buffer.from("\nendstream"),
  ]);
}

export function pagesPdf(count: number, extra: (string | Buffer)[] = [], trailer = ""): Uint8Array {
  const kids = Array.from({ length: count }, (_, index) => `${index + 3} 0 R`).join(" ");
  const pages = Array.from(
    { length: count },
    () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  );
  return pdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
      ...pages,
      ...extra,
    ],
    trailer,
  );
}
