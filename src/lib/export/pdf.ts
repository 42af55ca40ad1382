import { EXPORT_FONT, fontFilesBase64 } from './fonts';

/** Document metadata written into the PDF's info dictionary. */
export interface PdfMeta {
  title: string;
  subject: string;
  keywords: string;
  author: string;
}

/**
 * Turns the export's SVG into a vector PDF (jsPDF + svg2pdf.js, both loaded only here) with the
 * shipped Noto Sans embedded, so Azerbaijani letters such as ə render and the text stays text.
 * The page is the SVG's size in points (1 CSS pixel = 0.75 pt).
 */
export async function svgToPdf(svg: string, width: number, height: number, meta: PdfMeta): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }, fonts] = await Promise.all([import('jspdf'), import('svg2pdf.js'), fontFilesBase64()]);
  const w = width * 0.75;
  const h = height * 0.75;
  const doc = new jsPDF({ unit: 'pt', format: [w, h], orientation: w > h ? 'landscape' : 'portrait', compress: true });
  doc.addFileToVFS('NotoSans-Regular.ttf', fonts.regular);
  doc.addFont('NotoSans-Regular.ttf', EXPORT_FONT, 'normal');
  doc.addFileToVFS('NotoSans-Bold.ttf', fonts.bold);
  doc.addFont('NotoSans-Bold.ttf', EXPORT_FONT, 'bold');
  doc.setFont(EXPORT_FONT, 'normal');
  const element = document.importNode(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement, true);
  const holder = document.createElement('div');
  holder.style.cssText = 'position:fixed;left:-100000px;top:0';
  holder.append(element);
  document.body.append(holder);
  try {
    await svg2pdf(element, doc, { x: 0, y: 0, width: w, height: h });
  } finally {
    holder.remove();
  }
  doc.setProperties({ ...meta, creator: 'khojaly-map export (jsPDF, svg2pdf.js)' });
  return doc.output('blob');
}
