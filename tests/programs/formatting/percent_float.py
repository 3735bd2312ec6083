# %-formatting of floats: f e g with precision, width and flags.
vals = [0.0, 1.0, -1.5, 3.14159265, 2.5, 1e10, 1.23e-5, 123456.789, -0.0, 1e16, 1e-4, 0.5]
for v in vals:
    print("%f|%.2f|%10.3f|%-10.1f|%e|%.2e|%g|%.3g|%G" % (v, v, v, v, v, v, v, v, v))
print("%.0f %.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, 3.5, -0.5))
print("%+.3f %+.3f % .3f %08.3f %-8.3f|" % (1.5, -1.5, 1.5, -1.5, 1.5))
print("%f %e %g" % (float("inf"), float("-inf"), float("nan")))
print("%g %g %g %g %g" % (100000, 1000000, 1e-4, 1e-5, 123456789))
print("%#g %#.3g %.10g %.1e %E" % (1.0, 2.0, 1 / 3, 12345.678, 0.000321))
print("%5.1f%%" % 99.44, "%s" % 0.1, "%r" % 0.1, "%s" % 1e16, "%d" % 1e16)
print("%.15f" % 0.1, "%.20f" % 0.1, "%.3f" % 2.0005, "%.2f" % 2.675, "%.1f" % 0.25)
print("%f" % 1e20, "%.2f" % 12345678901234.567, "%e" % 0, "%g" % 0, "%.3e" % 2 ** 70)
total = 0.0
for i in range(1, 8):
    total += 1.0 / i
    print("H(%d) = %.6f  (%e)" % (i, total, total))
