import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Browser tests need Debian's Chromium at ${path}, and it is missing.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `(or point CHROMIUM_PATH at another Chromium). Nothing in this project downloads a browser.`
  );
  process.exit(1);
}
