import { randomBytes } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { renderAppearancePdf } from './appearance';
import { SignatureError } from './errors';
import { CmsSigner, sha256 } from './signer';
import { TsaOptions, addSignatureTimestamp } from './timestamp';
import { pdfDate } from './vn-time';

export type PdfSubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

export interface SignatureRect {
  /** PDF user-space points from the page's lower-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SignPdfOptions {
  /** Shown as "Ký bởi: …" and written to /Name. */
  signerName: string;
  /** Shown as "Đơn vị: …". */
  unitName?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Default: now. Written to /M, the signing-time attribute and the visible block. */
  signedAt?: Date;
  /** Visible signature block; omitted → invisible signature. `page` is 1-based. */
  visible?: { page: number; rect: SignatureRect };
  /** Default ETSI.CAdES.detached (PAdES). */
  subFilter?: PdfSubFilter;
  /** Include the CMS signing-time attribute (default true; strict PAdES B-B leaves it out). */
  signingTimeAttribute?: boolean;
  /** Bytes reserved for the CMS (default 16384, or 24576 with a TSA). */
  signatureSize?: number;
  /** RFC 3161 time-stamp authority: adds a signature time-stamp (PAdES B-T). */
  tsa?: TsaOptions;
  /** Field name; default "Signature<n>" (unique in the form). */
  fieldName?: string;
  /** Font for the visible block (TTF with Vietnamese glyphs); DejaVu Sans by default. */
  fontPath?: string;
}

/** A PDF with a signature placeholder, ready for the CMS. */
export interface PreparedPdf {
  pdf: Buffer;
  byteRange: [number, number, number, number];
  /** SHA-256 of the two signed byte ranges. */
  digest: Buffer;
  /** Maximum DER size of the CMS that fits the placeholder. */
  maxSignatureSize: number;
}

const textString = (s: string): PDFObject => (/^[\x20-\x7e]*$/.test(s) ? PDFString.of(escapeLiteral(s)) : PDFHexString.fromText(s));
const escapeLiteral = (s: string): string => s.replace(/([\\()])/g, '\\$1');

/**
 * Adds an empty signature (field, widget with its appearance, /Sig dictionary with a /ByteRange and
 * /Contents placeholder) to the PDF as an incremental update: the original bytes are kept unchanged,
 * so earlier signatures stay valid.
 */
export async function preparePdfForSigning(pdf: Buffer, opts: SignPdfOptions): Promise<PreparedPdf> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (e) {
    const encrypted = /encrypt/i.test((e as Error).message);
    throw new SignatureError('PDF', encrypted ? 'Không ký được tệp PDF đã mã hóa' : `Tệp PDF không hợp lệ: ${(e as Error).message}`, { cause: e });
  }
  const context = doc.context;
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const prevMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!prevMatch) throw new SignatureError('PDF', 'Tệp PDF không có startxref (tệp hỏng)');
  const prevXref = Number(prevMatch[1]);
  const prevIsStream = pdf.subarray(prevXref, prevXref + 4).toString('latin1') !== 'xref';
  const sizeMatches = [...pdf.toString('latin1').matchAll(/\/Size\s+(\d+)/g)];
  const prevSize = sizeMatches.length ? Number(sizeMatches[sizeMatches.length - 1][1]) : 0;
  context.largestObjectNumber = Math.max(context.largestObjectNumber, prevSize - 1);
  const firstNew = context.largestObjectNumber + 1;

  const signedAt = opts.signedAt ?? new Date();
  const pages = doc.getPages();
  const pageIndex = opts.visible ? opts.visible.page - 1 : pages.length - 1;
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pages.length) {
    throw new SignatureError('PDF', `Trang đặt chữ ký không tồn tại: ${opts.visible?.page} (tài liệu có ${pages.length} trang)`);
  }
  const page = pages[pageIndex];
  const modified = new Set<PDFRef>();

  // Field name, unique among top-level fields.
  const catalog = doc.catalog;
  const catalogRef = context.trailerInfo.Root as PDFRef;
  let acroForm: PDFDict;
  const afRaw = catalog.get(PDFName.of('AcroForm'));
  if (afRaw instanceof PDFRef) {
    acroForm = context.lookup(afRaw, PDFDict);
    modified.add(afRaw);
  } else if (afRaw instanceof PDFDict) {
    acroForm = afRaw;
    modified.add(catalogRef);
  } else {
    acroForm = context.obj({});
    catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
    modified.add(catalogRef);
  }
  let fields: PDFArray;
  const fieldsRaw = acroForm.get(PDFName.of('Fields'));
  if (fieldsRaw instanceof PDFRef) {
    fields = context.lookup(fieldsRaw, PDFArray);
    modified.add(fieldsRaw);
  } else if (fieldsRaw instanceof PDFArray) fields = fieldsRaw;
  else {
    fields = context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  const names = new Set<string>();
  for (let i = 0; i < fields.size(); i++) {
    const f = context.lookup(fields.get(i));
    const t = f instanceof PDFDict ? f.get(PDFName.of('T')) : undefined;
    if (t instanceof PDFString || t instanceof PDFHexString) names.add(t.decodeText());
  }
  let fieldName = opts.fieldName;
  if (!fieldName) for (let n = 1; !fieldName || names.has(fieldName); n++) fieldName = `Signature${n}`;
  else if (names.has(fieldName)) throw new SignatureError('PDF', `Tài liệu đã có trường "${fieldName}"`);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  // Widget + appearance.
  const sigRef = context.nextRef();
  const widget = context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', F: 132 });
  widget.set(PDFName.of('T'), textString(fieldName));
  widget.set(PDFName.of('V'), sigRef);
  widget.set(PDFName.of('P'), page.ref);
  if (opts.visible) {
    const { x, y, width, height } = opts.visible.rect;
    if (!(width > 0 && height > 0)) throw new SignatureError('PDF', 'Kích thước khung chữ ký phải lớn hơn 0');
    const appearance = await renderAppearancePdf({ width, height, signerName: opts.signerName, unitName: opts.unitName, signedAt, fontPath: opts.fontPath });
    const [embedded] = await doc.embedPdf(appearance, [0]);
    await embedded.embed();
    widget.set(PDFName.of('Rect'), context.obj([x, y, x + width, y + height]));
    widget.set(PDFName.of('AP'), context.obj({ N: embedded.ref }));
  } else {
    widget.set(PDFName.of('Rect'), context.obj([0, 0, 0, 0]));
  }
  const widgetRef = context.register(widget);
  fields.push(widgetRef);
  const annots = page.node.get(PDFName.of('Annots'));
  if (annots instanceof PDFRef) {
    context.lookup(annots, PDFArray).push(widgetRef);
    modified.add(annots);
  } else if (annots instanceof PDFArray) {
    annots.push(widgetRef);
    modified.add(page.ref);
  } else {
    page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));
    modified.add(page.ref);
  }

  // Objects of the incremental update.
  const objects = new Map<number, { gen: number; bytes: Buffer }>();
  const serialize = (o: PDFObject): Buffer => {
    const b = new Uint8Array(o.sizeInBytes());
    o.copyBytesInto(b, 0);
    return Buffer.from(b);
  };
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= firstNew || modified.has(ref)) objects.set(ref.objectNumber, { gen: ref.generationNumber, bytes: serialize(obj) });
  }
  const subFilter = opts.subFilter ?? 'ETSI.CAdES.detached';
  const signatureSize = opts.signatureSize ?? (opts.tsa ? 24576 : 16384);
  const BR_WIDTH = 40;
  const sigHead =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${subFilter} /ByteRange [` + ' '.repeat(BR_WIDTH) + '] /Contents ';
  const sigTailParts = [
    `/M ${PDFString.of(pdfDate(signedAt)).toString()}`,
    `/Name ${textString(opts.signerName).toString()}`,
    opts.reason ? `/Reason ${textString(opts.reason).toString()}` : '',
    opts.location ? `/Location ${textString(opts.location).toString()}` : '',
    opts.contactInfo ? `/ContactInfo ${textString(opts.contactInfo).toString()}` : '',
    '/Prop_Build << /Filter << /Name /Adobe.PPKLite >> /App << /Name /DVC.PlatformSignature >> >>',
  ].filter(Boolean);
  const sigBody = Buffer.from(`${sigHead}<${'0'.repeat(signatureSize * 2)}> ${sigTailParts.join(' ')} >>`, 'latin1');
  objects.set(sigRef.objectNumber, { gen: 0, bytes: sigBody });

  const chunks: Buffer[] = [];
  let offset = pdf.length;
  const push = (b: Buffer): void => {
    chunks.push(b);
    offset += b.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a && pdf[pdf.length - 1] !== 0x0d) push(Buffer.from('\n'));
  const offsets = new Map<number, { gen: number; offset: number }>();
  let byteRangeAt = -1;
  let contentsAt = -1;
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const { gen, bytes } = objects.get(num)!;
    offsets.set(num, { gen, offset });
    const head = Buffer.from(`${num} ${gen} obj\n`, 'latin1');
    if (num === sigRef.objectNumber) {
      byteRangeAt = offset + head.length + sigHead.indexOf('[') + 1;
      contentsAt = offset + head.length + sigHead.length;
    }
    push(Buffer.concat([head, bytes, Buffer.from('\nendobj\n', 'latin1')]));
  }

  const idObj = context.trailerInfo.ID;
  const idStr = idObj ? serialize(idObj).toString('latin1') : `[<${randomBytes(16).toString('hex')}> <${randomBytes(16).toString('hex')}>]`;
  const refStr = (o: PDFObject | undefined): string => (o ? serialize(o).toString('latin1') : '');
  const trailerEntries =
    `/Root ${refStr(context.trailerInfo.Root)}` +
    (context.trailerInfo.Info ? ` /Info ${refStr(context.trailerInfo.Info)}` : '') +
    ` /ID ${idStr} /Prev ${prevXref}`;
  const xrefAt = offset;
  if (!prevIsStream) {
    const size = Math.max(prevSize, Math.max(...offsets.keys()) + 1);
    let xref = 'xref\n';
    for (const [start, run] of runs([...offsets.keys()])) {
      xref += `${start} ${run.length}\n`;
      for (const n of run) xref += `${String(offsets.get(n)!.offset).padStart(10, '0')} ${String(offsets.get(n)!.gen).padStart(5, '0')} n\r\n`;
    }
    push(Buffer.from(`${xref}trailer\n<< /Size ${size} ${trailerEntries} >>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  } else {
    const xrefNum = Math.max(prevSize - 1, ...offsets.keys()) + 1;
    offsets.set(xrefNum, { gen: 0, offset: xrefAt });
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    const data = Buffer.alloc(nums.length * 7);
    nums.forEach((n, i) => {
      data[i * 7] = 1;
      data.writeUInt32BE(offsets.get(n)!.offset, i * 7 + 1);
      data.writeUInt16BE(offsets.get(n)!.gen, i * 7 + 5);
    });
    const index = runs(nums).map(([s, r]) => `${s} ${r.length}`).join(' ');
    push(
      Buffer.concat([
        Buffer.from(
          `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Index [${index}] ${trailerEntries} /Length ${data.length} >>\nstream\n`,
          'latin1',
        ),
        data,
        Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
      ]),
    );
  }

  const out = Buffer.concat([pdf, ...chunks]);
  const contentsEnd = contentsAt + signatureSize * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const brText = byteRange.join(' ');
  if (brText.length > BR_WIDTH) throw new SignatureError('PDF', 'Tệp PDF quá lớn để ký');
  out.write(brText.padEnd(BR_WIDTH, ' '), byteRangeAt, 'latin1');
  const digest = sha256(Buffer.concat([out.subarray(0, byteRange[1]), out.subarray(byteRange[2])]));
  return { pdf: out, byteRange, digest, maxSignatureSize: signatureSize };
}

/** Writes the CMS into the placeholder of a prepared PDF (returns a new buffer). */
export function embedCmsSignature(prepared: PreparedPdf, cms: Buffer): Buffer {
  if (cms.length > prepared.maxSignatureSize) {
    throw new SignatureError('PDF', `Chữ ký (${cms.length} byte) vượt quá chỗ dành sẵn (${prepared.maxSignatureSize} byte): tăng signatureSize`);
  }
  const out = Buffer.from(prepared.pdf);
  out.write(cms.toString('hex'), prepared.byteRange[1] + 1, 'latin1');
  return out;
}

/**
 * Signs a PDF (PAdES: ETSI.CAdES.detached by default) with the given signer, as an incremental
 * update with a visible Vietnamese signature block when `visible` is set; adds an RFC 3161
 * signature time-stamp when `tsa` is configured.
 */
export async function signPdf(pdf: Buffer, signer: CmsSigner, opts: SignPdfOptions): Promise<Buffer> {
  const signedAt = opts.signedAt ?? new Date();
  const prepared = await preparePdfForSigning(pdf, { ...opts, signedAt });
  let cms = await signer.sign(prepared.digest, { signingTime: opts.signingTimeAttribute === false ? null : signedAt });
  if (opts.tsa) cms = await addSignatureTimestamp(cms, opts.tsa);
  return embedCmsSignature(prepared, cms);
}

function runs(nums: number[]): Array<[number, number[]]> {
  const sorted = [...nums].sort((a, b) => a - b);
  const out: Array<[number, number[]]> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[1][last[1].length - 1] === n - 1) last[1].push(n);
    else out.push([n, [n]]);
  }
  return out;
}
