import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, screenPixelRatio } from '../../src/lib/map/renderer';

describe('isSoftwareRenderer', () => {
  it('recognises SwiftShader as Chromium names it', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
  });

  it('recognises Mesa llvmpipe', () => {
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
  });

  it('does not take a hardware GPU for software', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('Apple GPU')).toBe(false);
    expect(isSoftwareRenderer('Adreno (TM) 640')).toBe(false);
  });
});

describe('screenPixelRatio', () => {
  it('keeps the device pixel ratio on a GPU', () => {
    expect(screenPixelRatio(1.75, false)).toBe(1.75);
  });

  it('draws one canvas pixel per CSS pixel on a software renderer', () => {
    expect(screenPixelRatio(1.75, true)).toBe(1);
  });

  it('never raises a ratio below one', () => {
    expect(screenPixelRatio(0.5, true)).toBe(0.5);
  });
});
