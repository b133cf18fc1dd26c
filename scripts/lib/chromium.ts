// Headless Chromium for the page tests and the README screenshot: Debian's chromium (installed by
// scripts/test.sh) driven by playwright-core. Japanese glyphs come from the Noto Sans JP files the project already depends on,
// through a fontconfig file, so screenshots read the same on a machine without CJK fonts.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const FONTS = path.resolve('node_modules/@expo-google-fonts/noto-sans-jp');

export async function launchChromium(): Promise<Browser> {
  const dir = path.join(tmpdir(), 'intake-report-fontconfig');
  await mkdir(dir, { recursive: true });
  const conf = path.join(dir, 'fonts.conf');
  await writeFile(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<dir>${FONTS}/400Regular</dir><dir>${FONTS}/700Bold</dir><cachedir>${dir}/cache</cachedir></fontconfig>`,
  );
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    env: { ...process.env, FONTCONFIG_FILE: conf },
  });
}
