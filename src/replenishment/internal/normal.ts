// The numerical kernels behind the public normal-distribution functions (internal).
//
// Φ near the centre: Marsaglia's series (J. Stat. Software 11(5), 2004),
//   Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …), summed until a term no longer changes the sum:
//   absolute error ~1e-16 for |z| < 3.
// The tails: the continued fraction of the Mills ratio (Laplace),
//   Q(x) = 1 − Φ(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), x ≥ 3,
//   evaluated backwards from a fixed depth: relative accuracy ~1e-15 for x ≥ 3, so Φ(−10) ≈ 7.6e-24
//   keeps its significant digits (1 − Φ(10) computed by subtraction would be 0).

const INV_SQRT_2PI = 0.3989422804014327;
const SERIES_LIMIT = 3;
const CF_DEPTH = 120;

/** φ(z), the standard normal density. */
export function pdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** The continued fraction's tail from `from`: x + from/(x + (from+1)/(x + …)), for x ≥ 3. */
function fraction(x: number, from: number): number {
  let t = x;
  for (let k = CF_DEPTH; k >= from; k -= 1) t = x + k / t;
  return t;
}

/** Q(x) = 1 − Φ(x) for x ≥ SERIES_LIMIT, with full relative accuracy. */
function upperTail(x: number): number {
  return pdf(x) / fraction(x, 1);
}

/** Φ(z), accurate to ~1e-16 absolute near the centre and ~1e-15 relative in the lower tail. */
export function cdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z <= -SERIES_LIMIT) return z < -40 ? 0 : upperTail(-z);
  if (z >= SERIES_LIMIT) return z > 40 ? 1 : 1 - upperTail(z);
  const q = z * z;
  let term = z;
  let sum = z;
  for (let i = 1; ; ) {
    i += 2;
    term *= q / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * pdf(z);
}

/** 1 − Φ(z) without cancellation in the upper tail. */
export function complement(z: number): number {
  return cdf(-z);
}

/**
 * G(z) = φ(z) − z·(1 − Φ(z)), the standard normal loss function (expected shortfall of a unit normal
 * above z). For z ≥ 3 the difference cancels badly, so it is taken from the continued fraction:
 * G = φ·(t − x)/t with t = x + 1/s and t − x = 1/s, i.e. G = φ/(s·t). For z < 0, G(z) = G(−z) − z.
 */
export function loss(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return loss(-z) - z;
  if (z < SERIES_LIMIT) return pdf(z) - z * complement(z);
  if (z > 40) return 0;
  const s = fraction(z, 2);
  const t = z + 1 / s;
  return pdf(z) / (s * t);
}

/** Φ⁻¹(p) for 0 < p < 1: a rational start (Abramowitz & Stegun 26.2.23) refined by Halley's method on Φ. */
export function quantile(p: number): number {
  if (p === 0.5) return 0;
  if (p > 0.5) return -quantile(1 - p);
  // A&S 26.2.23 for the lower tail, |error| < 4.5e-4.
  const t = Math.sqrt(-2 * Math.log(p));
  let z = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let i = 0; i < 4; i += 1) {
    const u = (cdf(z) - p) / pdf(z);
    if (!Number.isFinite(u)) break;
    const step = u / (1 + 0.5 * z * u);
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/** G⁻¹(l) for l > 0: Newton's method from the left, where the convex, decreasing G converges monotonically. */
export function inverseLoss(l: number): number {
  // G(z) > −z and G(0) = φ(0): both starts lie left of the root.
  let z = l > INV_SQRT_2PI ? -l : 0;
  for (let i = 0; i < 200; i += 1) {
    const q = complement(z);
    if (q === 0) break;
    const step = (loss(z) - l) / q;
    z += step;
    if (Math.abs(step) <= 1e-14 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}
