// Puppeteer must not download its own Chrome: martech-audit uses the system
// Chromium (see src/render/browser.ts for how it is found).
module.exports = { skipDownload: true };
