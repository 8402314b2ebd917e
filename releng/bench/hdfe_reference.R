# R's fastest available route for the high-dimensional fixed-effects benchmarks of issue 12 (run-hdfe-bench.sh),
# timed inside R, on the CSV written by `panelkit bench --design firm-industry-year|worker-firm --write-csv`:
#   data.table::fread, then alternating projections with collapse::fwithin over every fixed-effect term (one sweep
#   demeans by each term in turn; sweeps until the largest change of any cell is below the tolerance, as
#   fe_reference.R; collapse's own fhdwithin needs fixest, which Debian does not package), lm.fit on the demeaned
#   data, and standard errors clustered by one column (meat from rowsum of the scores, as fe_reference.R).
# Designs (the model PanelKit fits on the same file):
#   firm-industry-year: y ~ x1..x5 | firm + year + industry^year, clustered by firm
#   worker-firm:        y ~ x1..xk | worker + firm + year, clustered by worker (or the column given)
# Prints the x1 estimate and standard error so PanelKit's numbers can be checked against R's:
#   se_fixest = fixest's default small-sample correction: G/(G-1) (N-1)/(N-K), K = k + sum over terms of their
#               levels (1 for a term nested in the cluster column) - (number of terms - 1);
#   se_g      = G/(G-1) only (no (N-1)/(N-K) factor), to rescale to any other K.
# Usage: Rscript hdfe_reference.R panel.csv firm-industry-year|worker-firm reps [cluster] [tolerance]
suppressPackageStartupMessages({ library(data.table); library(collapse) })
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: Rscript hdfe_reference.R panel.csv firm-industry-year|worker-firm reps [cluster] [tol]")
file <- args[1]; design <- args[2]; reps <- as.integer(args[3])
if (!design %in% c("firm-industry-year", "worker-firm")) stop("design must be firm-industry-year or worker-firm")
cluster <- if (length(args) >= 4 && nzchar(args[4])) args[4] else if (design == "worker-firm") "worker" else "firm"
tol <- if (length(args) >= 5) as.numeric(args[5]) else 1e-8
setDTthreads(2)
read_s <- est_s <- demean_s <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  d <- fread(file)
  t1 <- proc.time()[["elapsed"]]
  xs <- grep("^x[0-9]+$", names(d), value = TRUE)
  fl <- if (design == "firm-industry-year") {
    list(firm = GRP(d$firm), year = GRP(d$year), `industry^year` = GRP(d, c("industry", "year")))
  } else {
    list(worker = GRP(d$worker), firm = GRP(d$firm), year = GRP(d$year))
  }
  M <- qM(d[, c("y", xs), with = FALSE])
  sweeps <- 0L
  repeat {
    prev <- M
    for (g in fl) M <- fwithin(M, g)
    sweeps <- sweeps + 1L
    change <- max(abs(M - prev))
    if (change < tol) break
  }
  rm(prev)
  t2 <- proc.time()[["elapsed"]]
  y <- M[, 1]; X <- M[, -1, drop = FALSE]
  fit <- lm.fit(X, y)
  e <- fit$residuals
  B <- chol2inv(qr.R(fit$qr))
  cl <- d[[cluster]]
  U <- rowsum(X * e, cl)
  N <- nrow(X); k <- ncol(X); G <- nrow(U)
  V <- B %*% crossprod(U) %*% B
  # fixest's K: levels of each term, 1 for a term nested in the cluster column (one cluster value per level)
  gcl <- GRP(cl)
  lev <- vapply(fl, function(g) g$N.groups, numeric(1))
  nested <- vapply(fl, function(g) all(fndistinct(gcl$group.id, g) == 1L), logical(1))
  K <- k + sum(ifelse(nested, 1, lev)) - (length(fl) - 1)
  se_g <- sqrt(diag(V) * G / (G - 1))
  se_fixest <- se_g * sqrt((N - 1) / (N - K))
  t3 <- proc.time()[["elapsed"]]
  read_s[r] <- t1 - t0; demean_s[r] <- t2 - t1; est_s[r] <- t3 - t1
  coefs <- fit$coefficients; b1 <- coefs[1]
  rm(d, M, X, y, fit, e, U, fl, cl, gcl); invisible(gc())
}
cat(sprintf("R design %s: %d rows, %d regressors, %s, cluster %s (G = %d)\n", design, N, k,
            paste(sprintf("%s %d%s", names(lev), as.integer(lev), ifelse(nested, " (nested in cluster)", "")),
                  collapse = ", "), cluster, G))
cat(sprintf("R alternating projections: %d sweeps, last max change %.3g (tolerance %g), demean_s median %.3f\n",
            sweeps, change, tol, median(demean_s)))
cat(sprintf("R read_s %.3f estimate_s %.3f total_s %.3f (medians of %d)\n", median(read_s), median(est_s),
            median(read_s + est_s), reps))
cat(sprintf("R x1 estimate %.10f se_fixest %.10f se_g %.10f (fixest K = %d, N = %d, G = %d)\n", b1, se_fixest[1],
            se_g[1], as.integer(K), N, G))
cat(sprintf("R estimates %s\n", paste(sprintf("%.10f", coefs), collapse = " ")))
cat(sprintf("R se_fixest %s\n", paste(sprintf("%.10f", se_fixest), collapse = " ")))
