# Fresh reference for FreshInterpolationReferenceTest: within each id, with x = t (irregular: some years have no
# row), fill the NA cells of y by R approx (linear, rule 1), exp(approx(log y)) (loglinear),
# splinefun(method = "natural") (extrapolating) and pracma::pchip (MATLAB's pchip, extrapolating with the end pieces).
# Usage: Rscript interp_reference.R data.csv out.csv
suppressPackageStartupMessages(library(pracma))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = c("NA", ""), stringsAsFactors = FALSE)
out <- list()
for (id in unique(d$id)) {
  s <- d[d$id == id, ]
  s <- s[order(s$t), ]
  ok <- !is.na(s$y)
  x <- s$t[ok]; y <- s$y[ok]; xout <- s$t[!ok]
  if (length(xout) == 0) next
  res <- list(
    linear = approx(x, y, xout = xout, rule = 1)$y,
    loglinear = exp(approx(x, log(y), xout = xout, rule = 1)$y),
    spline = splinefun(x, y, method = "natural")(xout),
    pchip = pracma::pchip(x, y, xout))
  for (m in names(res)) {
    out[[length(out) + 1]] <- data.frame(id = id, t = xout, method = m, value = sprintf("%.17g", res[[m]]))
  }
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE, quote = FALSE)
