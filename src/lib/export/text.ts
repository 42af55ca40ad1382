import type { ExportRequest } from './types';

const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Text as it may enter an SVG or PDF: control characters, lone surrogates and U+FFFE/U+FFFF removed
 * (XML 1.0 forbids them; a PDF drawn from such an SVG comes out blank), tabs and line breaks made spaces.
 */
export function exportText(text: string): string {
  return text.replace(UNSAFE, '').replace(/[\t\n\r]+/g, ' ');
}

/** The request with every free text the user typed (title, subtitle, permalink base) made safe to draw. */
export function cleanRequest(request: ExportRequest): ExportRequest {
  return { ...request, title: exportText(request.title), subtitle: exportText(request.subtitle), permalinkBase: exportText(request.permalinkBase) };
}
