# R's fastest available route for the benchmark panel, timed inside R:
# data.table::fread, then alternating projections with collapse::fwithin (entity, then year, until the largest
# change is below 1e-8; collapse's own fhdwithin needs fixest, which Debian does not package) for the two-way
# within transformation,
# lm.fit, and standard errors clustered by entity with Stata's xtreg small-sample factor.
# Usage: Rscript fe_reference.R panel.csv reps
suppressPackageStartupMessages({ library(data.table); library(collapse) })
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; reps <- as.integer(args[2])
setDTthreads(2)
read_s <- est_s <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  d <- fread(file)
  t1 <- proc.time()[["elapsed"]]
  gi <- GRP(d$id); gt <- GRP(d$year)
  M <- as.matrix(d[, .(y, x1, x2, x3, x4, x5)])
  repeat {
    prev <- M
    M <- fwithin(fwithin(M, gi), gt)
    if (max(abs(M - prev)) < 1e-8) break
  }
  y <- M[, 1]; X <- M[, -1]
  fit <- lm.fit(X, y)
  e <- fit$residuals
  B <- chol2inv(qr.R(fit$qr))
  U <- rowsum(X * e, d$id)
  N <- nrow(X); k <- ncol(X); G <- nrow(U); Tn <- length(unique(d$year))
  V <- B %*% crossprod(U) %*% B * G / (G - 1) * (N - 1) / (N - k - Tn)
  se <- sqrt(diag(V))
  t2 <- proc.time()[["elapsed"]]
  read_s[r] <- t1 - t0; est_s[r] <- t2 - t1
  b1 <- fit$coefficients[1]
  rm(d, M, prev, X, y, fit, e, U); invisible(gc())
}
cat(sprintf("R read_s %.3f estimate_s %.3f total_s %.3f (medians of %d)\n", median(read_s), median(est_s),
            median(read_s + est_s), reps))
cat(sprintf("R x1 estimate %.6f se %.6f\n", b1, se[1]))
