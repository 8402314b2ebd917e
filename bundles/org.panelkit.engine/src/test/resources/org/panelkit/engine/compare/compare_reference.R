# Reference for SubsampleComparisonTest: the fully interacted model as an explicit dummy-variable regression and
# sandwich::vcovCL clustered by id:
#   type "HC1" -> G/(G-1) (N-1)/(N-K), K = rank of the dummy regression (PanelKit's areg convention);
#   type "HC0", cadjust = TRUE -> G/(G-1) only (Stata suest's factor on the stacked scores).
# The dummies: entity-by-group and year-by-group; when the input has the columns region and w (three terms with
# analytic weights), also region-by-year-by-group (year is nested in region^year: lm drops its dummies as aliased)
# and lm(weights = w).
# args: input.csv output.csv
suppressPackageStartupMessages(library(sandwich))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$eg <- factor(paste(d$id, d$grp))
d$tg <- factor(paste(d$year, d$grp))
d$grp <- factor(d$grp)
if (all(c("region", "w") %in% names(d))) {
  d$rtg <- factor(paste(d$region, d$year, d$grp))
  m <- lm(y ~ 0 + x1:grp + x2:grp + eg + tg + rtg, data = d, weights = w)
} else {
  m <- lm(y ~ 0 + x1:grp + x2:grp + eg + tg, data = d)
}
keep <- grep("x[12]", names(coef(m)), value = TRUE)  # x1:grpa, x1:grpb, grpa:x2, grpb:x2
v1 <- vcovCL(m, cluster = ~id, type = "HC1")[keep, keep]
v0 <- vcovCL(m, cluster = ~id, type = "HC0", cadjust = TRUE)[keep, keep]
out <- data.frame(term = gsub(":", "_", keep), estimate = unname(coef(m)[keep]), v1, v0)
names(out) <- c("term", "estimate", paste0("cr1_", seq_along(keep)), paste0("suest_", seq_along(keep)))
write.csv(out, args[2], row.names = FALSE, quote = FALSE)
