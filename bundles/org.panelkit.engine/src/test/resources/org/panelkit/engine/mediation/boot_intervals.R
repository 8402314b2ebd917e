# Reference for MediationTest: percentile interval with boot::boot.ci(type = "perc") from PanelKit's replicate
# vector, and the bias-corrected (BC) interval by hand with boot's quantile rule (boot has BCa, not BC):
#   z0 = qnorm(mean(t < t0)), quantiles pnorm(2 z0 + qnorm(alpha)).
# args: replicates.csv (columns t; first row the estimate t0) level output.csv
suppressPackageStartupMessages(library(boot))
args <- commandArgs(trailingOnly = TRUE)
v <- read.csv(args[1])$t
t0 <- v[1]
t <- v[-1]
level <- as.numeric(args[2])
# a boot object with our replicates (the statistic is never re-evaluated by boot.ci)
b <- boot(data.frame(z = 1:3), function(d, i) mean(d$z[i]), R = 2)
b$t0 <- t0
b$t <- matrix(t, ncol = 1)
b$R <- length(t)
perc <- boot.ci(b, conf = level, type = "perc")$percent[4:5]
alpha <- (1 + c(-level, level)) / 2
z0 <- qnorm(sum(t < t0) / length(t))
bc <- boot:::norm.inter(t, pnorm(2 * z0 + qnorm(alpha)))[, 2]
write.csv(data.frame(perc = perc, bc = bc, z0 = z0), args[3], row.names = FALSE, quote = FALSE)
