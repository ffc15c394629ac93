const mobilePattern = /Mobi|Android|iPhone|iPad|iPod|Windows Phone|webOS|BlackBerry/i;

/**
 * Rough phone/tablet detection by User-Agent, as hosted capture pages do to decide between the
 * camera flow and a desktop QR hand-off.
 * @example
 * isMobileUserAgent(req.headers.get("user-agent")); // false for desktop Chrome
 */
export function isMobileUserAgent(userAgent: string | null | undefined): boolean {
  return typeof userAgent === "string" && mobilePattern.test(userAgent);
}
