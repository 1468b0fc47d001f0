const KB = 1024;
const MB = 1024 * 1024;

/**
 * A file size as people read it, in the units Windows and phones use (1 KB = 1,024 bytes):
 * "512 B", "12 KB", "1.5 MB", "20 MB". `locale` only chooses the digits' grouping and decimal mark.
 */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < KB) return `${bytes} B`;
  if (bytes < MB) return `${number(Math.max(1, Math.round(bytes / KB)))} KB`;
  return `${number(Math.round((bytes / MB) * 10) / 10)} MB`;
}
