# Fresh reference for FreshReferenceTest: R's lm with dummies (+ sandwich, clubSandwich) and plm on a panel
# the test generates (unbalanced, gaps, singletons, missing cells, a collinear and an absorbed regressor).
# Usage: Rscript fresh_reference.R data.csv out.json
suppressPackageStartupMessages({
  library(sandwich); library(plm); library(clubSandwich); library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = c("NA", ""), stringsAsFactors = FALSE)
d <- d[complete.cases(d[, c("y", "x1", "x2", "x3", "xa", "id", "t")]), ]
d <- d[order(d$id, d$t), ]
d$fid <- factor(d$id); d$ft <- factor(d$t)
# fixed effects first, so that lm's pivoting drops the absorbed and the collinear regressor (the FE win)
m <- lm(y ~ fid + ft + x1 + x2 + x3 + xa, data = d)
slopes <- c("x1", "x2", "x3", "xa")
est <- coef(m)[slopes]
kept <- slopes[!is.na(est)]
se <- function(V) as.list(sqrt(diag(V))[kept])
out <- list(
  n = nrow(d),
  kept = kept,
  dropped = slopes[is.na(est)],
  coef = as.list(est[kept]),
  df_resid = m$df.residual,
  iid = se(vcov(m)),
  hc1_lsdv = se(vcovHC(m, type = "HC1")),
  cl_lsdv = se(vcovCL(m, cluster = ~id, type = "HC1")),
  cl2_lsdv = se(vcovCL(m, cluster = ~id + t, type = "HC1")),
  cr2 = se(vcovCR(m, cluster = d$id, type = "CR2")),
  cr2_df = as.list(setNames(coef_test(m, vcov = "CR2", cluster = d$id, test = "Satterthwaite")$df_Satt,
                            names(coef(m))[!is.na(coef(m))])[kept])
)
p <- plm(y ~ x1 + x2 + xa + x3, data = d, index = c("id", "t"), model = "within", effect = "twoways")
pk <- intersect(kept, names(coef(p)))
out$plm_coef <- as.list(coef(p)[pk])
out$plm_cl_sss <- as.list(sqrt(diag(vcovHC(p, method = "arellano", type = "sss", cluster = "group")))[pk])
out$plm_dk <- as.list(sqrt(diag(vcovSCC(p)))[pk])
# Driscoll-Kraay through sandwich::vcovPL (scores summed by period, Bartlett kernel with plm's lag
# floor(max T_i^(1/4)), no adjustment): equal to plm's vcovSCC unweighted, and it takes lm's weights
lag <- floor(max(table(d$id))^(1/4))
out$pl_dk <- se(vcovPL(m, cluster = ~id, order.by = ~t, lag = lag, adjust = FALSE))
mw <- lm(y ~ fid + ft + x1 + x2 + x3 + xa, data = d, weights = w)
out$w_coef <- as.list(coef(mw)[kept])
out$w_pl_dk <- as.list(sqrt(diag(vcovPL(mw, cluster = ~id, order.by = ~t, lag = lag, adjust = FALSE)))[kept])
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), args[2])
