/**
 * The demo's picture, drawn in code so its scripted image frames are real images (encoded by the
 * repository's one PNG encoder, `examples/angular/server/png.mjs`).
 */

/** An RGB image: `pixels` holds `width * height * 3` bytes, row by row. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * A 64×64 picture of a river at sunset (a sky gradient, a sun, water with ripples), drawn in
 * blocks of `block` pixels: 16, 8, 4 for blurry early frames, 1 for the final image.
 */
export function sunsetImage(block: number, size = 64): RgbImage {
  const pixels = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Sample the centre of the block the pixel is in, so coarse frames look pixelated.
      const sx = Math.min(size - 1, Math.floor(x / block) * block + Math.floor(block / 2));
      const sy = Math.min(size - 1, Math.floor(y / block) * block + Math.floor(block / 2));
      pixels.set(sunsetPixel(sx / size, sy / size), (y * size + x) * 3);
    }
  }
  return { width: size, height: size, pixels };
}

function sunsetPixel(u: number, v: number): [number, number, number] {
  const horizon = 0.62;
  const sun = Math.hypot(u - 0.5, (v - 0.5) * 1.2);
  if (v < horizon) {
    if (sun < 0.12) return [255, 214, 120];
    const t = v / horizon;
    return [Math.round(40 + 215 * t), Math.round(30 + 110 * t), Math.round(110 - 40 * t)];
  }
  const depth = (v - horizon) / (1 - horizon);
  const ripple = Math.sin(u * 40 + v * 90) > 0.6 && Math.abs(u - 0.5) < 0.2 * (1 - depth) + 0.05;
  if (ripple) return [250, 190, 110];
  return [
    Math.round(30 + 40 * (1 - depth)),
    Math.round(50 + 40 * (1 - depth)),
    Math.round(110 + 60 * depth),
  ];
}
