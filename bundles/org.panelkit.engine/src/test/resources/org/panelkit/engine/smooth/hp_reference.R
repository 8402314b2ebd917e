# Fresh reference for HodrickPrescottReferenceTest: mFilter::hpfilter per id for several lambdas.
# Usage: Rscript hp_reference.R data.csv out.csv
suppressPackageStartupMessages(library(mFilter))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
out <- list()
for (id in unique(d$id)) {
  s <- d[d$id == id, ]
  s <- s[order(s$t), ]
  for (lambda in c(6.25, 100, 1600)) {
    f <- hpfilter(s$y, freq = lambda, type = "lambda", drift = FALSE)
    out[[length(out) + 1]] <- data.frame(id = id, t = s$t, lambda = lambda,
                                         trend = sprintf("%.17g", as.numeric(f$trend)),
                                         cycle = sprintf("%.17g", as.numeric(f$cycle)))
  }
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE, quote = FALSE)
