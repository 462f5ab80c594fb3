/*
 * Plain C reference for bench/singleResource.bench.ts: the Lee & Hersh (1993) single-resource dynamic
 * program, the same recurrence and the same loop order as src/optimize/singleResource/dynamicProgram.ts
 * (two rolling rows, fares high -> low, the sum stops at the first fare not above the bid price):
 *
 *   V_t(x) = V_{t-1}(x) + sum_i lambda_i * max(0, p_i - (V_{t-1}(x) - V_{t-1}(x-1))),  V_0 = 0, V_t(0) = 0
 *
 * Usage: dp_ref CAPACITY PERIODS CLASSES REPEATS
 * Fares p_i = 1000 - 90 i and lambda_i = 0.9 / CLASSES (i = 0..CLASSES-1), as in the bench.
 * Prints: the value V_T(C) and the best wall time of REPEATS runs, in seconds.
 * Build: gcc -O2 -o dp_ref dp.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double solve(int C, int T, int n, const double *fares, const double *lam, double *a, double *b) {
  for (int x = 0; x <= C; x++) a[x] = 0.0;
  for (int t = 1; t <= T; t++) {
    b[0] = 0.0;
    double before = a[0];
    for (int x = 1; x <= C; x++) {
      double v = a[x];
      double d = v - before;
      before = v;
      double s = 0.0;
      for (int i = 0; i < n; i++) {
        double f = fares[i];
        if (f <= d) break;
        s += lam[i] * (f - d);
      }
      b[x] = v + s;
    }
    double *tmp = a;
    a = b;
    b = tmp;
  }
  return a[C];
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s CAPACITY PERIODS CLASSES REPEATS\n", argv[0]);
    return 2;
  }
  int C = atoi(argv[1]), T = atoi(argv[2]), n = atoi(argv[3]), R = atoi(argv[4]);
  double *fares = malloc(sizeof(double) * n), *lam = malloc(sizeof(double) * n);
  double *a = malloc(sizeof(double) * (C + 1)), *b = malloc(sizeof(double) * (C + 1));
  for (int i = 0; i < n; i++) {
    fares[i] = 1000.0 - 90.0 * i;
    lam[i] = 0.9 / n;
  }
  double best = 1e300, value = 0.0;
  for (int r = 0; r < R; r++) {
    double t0 = now();
    value = solve(C, T, n, fares, lam, a, b);
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  printf("%.17g %.9f\n", value, best);
  free(fares);
  free(lam);
  free(a);
  free(b);
  return 0;
}
