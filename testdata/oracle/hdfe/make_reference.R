#!/usr/bin/env Rscript
# Reference results for PanelKit issue 12: several fixed-effect terms (firm, year, industry^year), analytic
# weights, iterative singleton dropping, a fixed-effect term nested in the cluster variable, and the
# small-sample conventions of sandwich, Stata (xtreg/reghdfe) and fixest.
#
#   Rscript testdata/oracle/hdfe/make_reference.R            # (re)write hdfe_panel.csv and expected/*.json here
#   Rscript testdata/oracle/hdfe/make_reference.R --check    # regenerate into a temporary folder and compare
#   Rscript testdata/oracle/hdfe/make_reference.R --out DIR  # write into DIR instead
#
# Everything is computed on the exact dummy-variable regression (stats::lm with one dummy per level), so the
# fixed-effect rank is lm's rank and no absorption algorithm is involved. The JSON layout and the meaning of
# every entry are documented in README.md beside this file. Needs: r-base-core, r-cran-sandwich,
# r-cran-clubsandwich, r-cran-plm, r-cran-jsonlite (Debian bookworm packages). About 8 minutes, 2 GB peak.

suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(plm)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
here <- if (length(file_arg)) dirname(normalizePath(sub("^--file=", "", file_arg[1]))) else getwd()
check <- "--check" %in% args
verbose <- "--verbose" %in% args
out_dir <- if ("--out" %in% args) args[which(args == "--out") + 1] else if (check) tempfile("hdfe") else here
dir.create(file.path(out_dir, "expected"), recursive = TRUE, showWarnings = FALSE)

# ------------------------------------------------------------------------------------------------------------
# 1. The panel
# ------------------------------------------------------------------------------------------------------------
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20261207)

n_firms <- 1000
years <- 2008:2020
TT <- length(years)
n_ind <- 8
n_reg <- 20

# industries 1-7 are large; industry 8 has six hand-placed firms whose spells make industry-year cells with one
# observation, so that singleton dropping cascades: a second round drops rows the first one left alone (README.md)
industry <- sample(1:7, n_firms, replace = TRUE)
small <- c(101, 202, 303, 404, 505, 606)
industry[small] <- 8
region <- sample(1:n_reg, n_firms, replace = TRUE)
a_firm <- rnorm(n_firms)
u_region <- rnorm(n_reg)
b_year <- rnorm(TT, sd = 0.5)
c_indyear <- matrix(rnorm(n_ind * TT, sd = 0.7), n_ind, TT)
s_regyear <- matrix(rnorm(n_reg * TT, sd = 0.4), n_reg, TT)   # region-year shock in the error

spell_len <- ifelse(runif(n_firms) < 0.04, 1L, sample(2:TT, n_firms, replace = TRUE))
spell_start <- sapply(spell_len, function(l) sample(1:(TT - l + 1), 1))
small_spells <- list(c(2008, 2012), c(2010, 2014), c(2014, 2014), c(2016, 2018), c(2017, 2020), c(2019, 2019))

rows <- list()
for (f in 1:n_firms) {
  k <- match(f, small)
  if (!is.na(k)) {
    yrs <- small_spells[[k]][1]:small_spells[[k]][2]
  } else {
    yrs <- years[spell_start[f]:(spell_start[f] + spell_len[f] - 1)]
    if (length(yrs) > 2) {
      keep <- runif(length(yrs)) > 0.08                         # gaps
      if (sum(keep) >= 2) yrs <- yrs[keep]
    }
  }
  rows[[f]] <- data.frame(f = f, year = yrs)
}
d <- do.call(rbind, rows)
n <- nrow(d)
ti <- d$year - min(years) + 1
fi <- d$f
ii <- industry[fi]
ri <- region[fi]

x1 <- 0.5 * a_firm[fi] + 0.4 * c_indyear[cbind(ii, ti)] + rnorm(n)
x2 <- 0.6 * u_region[ri] + 0.3 * b_year[ti] + 0.3 * a_firm[fi] + rnorm(n)
x3 <- 0.5 * x1 - 0.3 * x2 + 0.2 * ti / TT + rnorm(n, sd = 0.8)
# error: AR(1) within firm, region-year shock, heteroskedastic noise
e <- numeric(n)
for (f in unique(fi)) {
  idx <- which(fi == f)
  v <- numeric(length(idx))
  v[1] <- rnorm(1, sd = 0.6)
  if (length(idx) > 1) for (j in 2:length(idx)) v[j] <- 0.5 * v[j - 1] + rnorm(1, sd = 0.5)
  e[idx] <- v
}
e <- e + s_regyear[cbind(ri, ti)] + rnorm(n) * (0.5 + 0.5 * abs(x1))
y <- 1.0 * x1 - 0.5 * x2 + 0.3 * x3 + a_firm[fi] + b_year[ti] + c_indyear[cbind(ii, ti)] + e
w <- exp(rnorm(n, sd = 0.6)) * (1 + (region[fi] %% 3))

r6 <- function(v) round(v, 6)
panel <- data.frame(firm = sprintf("f%04d", fi), year = d$year, industry = sprintf("ind%d", ii),
                    region = sprintf("r%02d", ri), y = r6(y), x1 = r6(x1), x2 = r6(x2), x3 = r6(x3),
                    w = round(w, 4))
# missing cells and zero weights, only in industries 1-7 (industry 8 is the hand-made singleton cascade)
big <- which(ii != 8)
pick <- sample(big, 25 + 5 + 6 + 15)
panel$x2[pick[1:25]] <- NA
panel$y[pick[26:30]] <- NA
panel$w[pick[31:36]] <- NA
panel$w[pick[37:51]] <- 0
# rows in a random order (nothing may depend on sorting)
panel <- panel[sample(nrow(panel)), ]
csv <- file.path(out_dir, "hdfe_panel.csv")
write.csv(panel, csv, row.names = FALSE, quote = FALSE, na = "NA")

# everything below reads the CSV back: the reference is computed on exactly the values the tests read
panel <- read.csv(csv, stringsAsFactors = FALSE)
panel$industry_year <- paste(panel$industry, panel$year, sep = "^")

# ------------------------------------------------------------------------------------------------------------
# 2. Helpers
# ------------------------------------------------------------------------------------------------------------
XV <- c("x1", "x2", "x3")
k <- length(XV)

# term name as PanelKit writes it -> column of `panel` holding its levels
term_col <- function(term) if (term == "industry^year") "industry_year" else term

drop_singletons <- function(s, terms) {
  dropped <- 0; rounds <- 0
  repeat {
    bad <- rep(FALSE, nrow(s))
    for (t in terms) {
      cnt <- table(s[[term_col(t)]])
      bad <- bad | cnt[as.character(s[[term_col(t)]])] == 1
    }
    if (!any(bad)) break
    rounds <- rounds + 1
    dropped <- dropped + sum(bad)
    s <- s[!bad, ]
  }
  list(s = s, dropped = dropped, rounds = rounds)
}

dummies <- function(s, terms) {
  f <- as.formula(paste("~", paste(sprintf("factor(%s)", sapply(terms, term_col)), collapse = " + ")))
  model.matrix(f, s)
}
qr_rank <- function(M) qr(M, tol = 1e-9)$rank

# connected components of the bipartite graph between the levels of two terms (label propagation)
components <- function(a, b) {
  a <- as.integer(factor(a)); b <- as.integer(factor(b))
  la <- seq_len(max(a)); lb <- rep(Inf, max(b))
  repeat {
    lb_new <- pmin(lb, tapply(la[a], factor(b, levels = seq_along(lb)), min))
    la_new <- pmin(la, tapply(lb_new[b], factor(a, levels = seq_along(la)), min))
    if (all(la_new == la) && all(lb_new == lb)) break
    la <- la_new; lb <- lb_new
  }
  length(unique(la))
}

nested_in <- function(s, term, cluster) {
  all(tapply(s[[cluster]], s[[term_col(term)]], function(v) length(unique(v))) == 1)
}

# reghdfe's count of redundant levels (source/src/reghdfe.mata, dof_update_nested and
# dof_update_mobility_group with the default dofadjustments "pairwise clusters continuous"), reproduced here
# for information only: a term nested in a cluster is fully redundant; every other term after the first gets
# one redundant level (every one of them when some term is nested); pairwise, the second term of each pair gets
# at least the number of mobility groups (connected components) between the two.
reghdfe_dof <- function(s, terms, clusters) {
  L <- sapply(terms, function(t) length(unique(s[[term_col(t)]])))
  nested <- sapply(terms, function(t) length(clusters) > 0 && any(sapply(clusters, function(cl) nested_in(s, t, cl))))
  M <- ifelse(nested, L, 0)
  free <- which(!nested)
  if (length(free) > 1 || (length(free) > 0 && any(nested))) {
    for (j in (if (any(nested)) free else free[-1])) M[j] <- 1
  }
  if (length(free) > 1) for (i in seq_along(free)) for (j in seq_along(free)) if (j > i) {
    m <- components(s[[term_col(terms[free[i]])]], s[[term_col(terms[free[j]])]])
    M[free[j]] <- max(M[free[j]], m)
  }
  list(levels = unname(L), redundant = unname(M), nested = unname(nested),
       df_a = sum(L - M), nested_adj = as.integer(any(nested)))
}

num <- function(v) unname(as.numeric(v))
# largest difference of two slope blocks relative to sqrt(V_ii V_jj) of the first
slope_diff <- function(A, B) {
  A <- A[XV, XV]; B <- B[XV, XV]
  max(abs(A - B) / sqrt(outer(diag(A), diag(A))))
}
se_of <- function(V) setNames(as.list(sqrt(diag(V)[XV])), XV)
slope <- function(V) V[XV, XV]

# CR2 by cluster `cl` with the terms nested in `cl` absorbed (weighted group demeaning) and the other terms as
# dummies; on the sqrt(w)-transformed data when weighted (PanelKit's rule: every SE on sqrt(w) X~, sqrt(w) e).
# Returns the slope block, Satterthwaite df and coefficients. clubSandwich on the full dummy regression needs
# G x G x p arrays (6.7 GB here), hence the absorption.
cr2_absorbed <- function(s, terms, cl, weighted) {
  nested <- sapply(terms, function(t) nested_in(s, t, cl))
  stopifnot(sum(nested) == 1)
  g <- s[[term_col(terms[nested])]]
  w <- if (weighted) s$w else rep(1, nrow(s))
  dm <- function(v) v - ave(v * w, g, FUN = sum) / ave(w, g, FUN = sum)
  Z <- as.matrix(s[, XV])
  if (any(!nested)) Z <- cbind(Z, dummies(s, terms[!nested])[, -1, drop = FALSE])
  Zd <- sqrt(w) * apply(Z, 2, dm)
  colnames(Zd) <- c(XV, paste0("fe", seq_len(ncol(Zd) - k)))
  yd <- sqrt(w) * dm(s$y)
  fa <- lm(yd ~ 0 + Zd)
  V <- vcovCR(fa, cluster = s[[cl]], type = "CR2")
  nm <- paste0("Zd", XV)
  ct <- coef_test(fa, vcov = V, test = "Satterthwaite", coefs = nm)
  Vx <- as.matrix(V)[nm, nm]
  dimnames(Vx) <- list(XV, XV)
  list(V = Vx, df = setNames(as.list(num(ct$df_Satt %||% ct$df)), XV), coef = num(coef(fa)[nm]))
}

# the same on the first 150 firms (sorted ids), against clubSandwich on the full dummy regression (on the
# sqrt(w)-transformed data when weighted); for weighted models also clubSandwich's own CR2 of lm(weights = w),
# which is another estimator when the weights vary within clusters (recorded for information)
cr2_crosscheck <- function(s, terms, cl, weighted) {
  firms <- sort(unique(s$firm))[1:150]
  ss <- s[s$firm %in% firms, ]
  r <- cr2_absorbed(ss, terms, cl, weighted)
  form <- as.formula(paste("y ~", paste(c(XV, sprintf("factor(%s)", sapply(terms, term_col))), collapse = " + ")))
  full <- if (weighted) lm(form, data = ss, weights = w) else lm(form, data = ss)
  rel <- function(V, ct) list(max_rel_diff_se = max(abs(sqrt(diag(as.matrix(V))[XV] / diag(r$V)) - 1)),
                              max_rel_diff_df = max(abs(num(ct$df_Satt) / unlist(r$df) - 1)))
  if (!weighted) {
    V <- vcovCR(full, cluster = ss[[cl]], type = "CR2")
    return(c(list(sample = "the first 150 firms", n = nrow(ss), against = "clubSandwich on the full dummy regression"),
             rel(V, coef_test(full, vcov = V, test = "Satterthwaite", coefs = XV))))
  }
  X <- model.matrix(full)[, !is.na(coef(full))]
  sw <- sqrt(ss$w)
  yt <- sw * ss$y
  Xt <- sw * X
  colnames(Xt) <- make.names(colnames(X))
  ft <- lm(yt ~ 0 + Xt)
  nt <- paste0("Xt", XV)
  Vt <- vcovCR(ft, cluster = ss[[cl]], type = "CR2")
  ctt <- coef_test(ft, vcov = Vt, test = "Satterthwaite", coefs = nt)
  Vtx <- as.matrix(Vt)[nt, nt]; dimnames(Vtx) <- list(XV, XV)
  ctt$df_Satt <- num(ctt$df_Satt)
  out <- c(list(sample = "the first 150 firms", n = nrow(ss),
                against = "clubSandwich on the full dummy regression of the sqrt(w)-transformed data"),
           rel(Vtx, ctt))
  for (iv in c(FALSE, TRUE)) {
    V <- vcovCR(full, cluster = ss[[cl]], type = "CR2", inverse_var = iv)
    out[[paste0("clubSandwich_lm_weights_inverse_var_", iv)]] <-
      c(list(note = paste0("another estimator (for information): clubSandwich::vcovCR(lm(..., weights = w), type = \"CR2\", inverse_var = ", iv, ")")),
        rel(V, coef_test(full, vcov = V, test = "Satterthwaite", coefs = XV)))
  }
  out
}

# ------------------------------------------------------------------------------------------------------------
# 3. One model
# ------------------------------------------------------------------------------------------------------------
fit_model <- function(id, description, terms, weighted = FALSE, singletons = FALSE, clusters_1 = "firm",
                      twoway = c("firm", "year"), cr2 = TRUE, plm_check = FALSE) {
  t0 <- Sys.time()
  need <- unique(c("y", XV, sapply(terms, term_col), clusters_1, twoway, if (weighted) "w"))
  s <- panel
  n_input <- nrow(s)
  cc <- complete.cases(s[, need])
  s <- s[cc, ]
  n_missing <- sum(!cc)
  n_zero <- 0
  if (weighted) {
    n_zero <- sum(s$w == 0)
    s <- s[s$w > 0, ]
  }
  n_single <- 0; single_rounds <- 0
  if (singletons) {
    ds <- drop_singletons(s, terms)
    s <- ds$s; n_single <- ds$dropped; single_rounds <- ds$rounds
  }
  n <- nrow(s)
  rhs <- paste(c(XV, sprintf("factor(%s)", sapply(terms, term_col))), collapse = " + ")
  form <- as.formula(paste("y ~", rhs))
  fit <- if (weighted) lm(form, data = s, weights = w) else lm(form, data = s)
  cf <- coef(fit)
  stopifnot(!any(is.na(cf[XV])))
  rank <- fit$rank
  k_fe <- rank - k
  wts <- if (weighted) s$w else rep(1, n)
  res <- residuals(fit)
  ssr <- sum(wts * res^2)

  # absorbed degrees of freedom, exact: rank of the dummies of the first j terms
  L <- sapply(terms, function(t) length(unique(s[[term_col(t)]])))
  cum_rank <- sapply(seq_along(terms), function(j) qr_rank(dummies(s, terms[1:j])))
  coefs_j <- diff(c(0, cum_rank))
  stopifnot(cum_rank[length(terms)] == k_fe)
  absorbed <- lapply(seq_along(terms), function(j) list(term = terms[j], levels = unname(L[j]),
    redundant = unname(L[j] - coefs_j[j]), coefficients = unname(coefs_j[j])))

  # ---- variance estimates on the dummy regression ----
  V <- list(); info <- list()
  add <- function(name, Vm, source, panelkit, K = NULL, G = NULL, factor = NULL, df_t = NULL, df = NULL) {
    if (verbose) message(sprintf("  %s %.1f s", name, as.numeric(Sys.time() - t0, units = "secs")))
    V[[name]] <<- slope(Vm)
    info[[name]] <<- list(source = source, panelkit = panelkit, K = K, G = G, small_sample_factor = factor,
                          df_t = df_t, df = df)
  }
  pk <- function(vcov, convention, cluster = NULL) list(vcov = vcov, convention = convention, cluster = cluster)
  G_of <- function(cl) length(unique(s[[cl]]))
  cl0_cache <- list()
  CL0 <- function(cl) {
    if (is.null(cl0_cache[[cl]])) cl0_cache[[cl]] <<- vcovCL(fit, cluster = s[[cl]], type = "HC0", cadjust = FALSE)
    cl0_cache[[cl]]
  }
  V_HC0 <- vcovHC(fit, type = "HC0")

  add("iid", vcov(fit), "stats::summary.lm: sigma^2 (X'WX)^-1, sigma^2 = sum(w e^2)/(n - rank)",
      pk("iid", "areg"), K = rank, df_t = n - rank)
  add("HC0", V_HC0, "sandwich::vcovHC(fit, type = \"HC0\")", pk("hc0", "areg"),
      K = rank, factor = 1, df_t = n - rank)
  add("HC1", vcovHC(fit, type = "HC1"), "sandwich::vcovHC(fit, type = \"HC1\"): HC0 * n/(n - rank)",
      pk("hc1", "areg"), K = rank, factor = n / (n - rank), df_t = n - rank)

  # fixest (fixest R/VCOV.R at lrberge/fixest dbe56c5, ssc() defaults adj = TRUE, fixef.K = "nested",
  # cluster.adj = TRUE, cluster.df = "min", t.df = "min"): nparams = k + sum of levels - (terms - 1); a term
  # nested in a cluster variable counts 1 instead of its levels.
  K_fixest <- function(nested) k + sum(ifelse(nested, 1, L)) - (length(terms) - 1)
  Kf0 <- K_fixest(rep(FALSE, length(terms)))
  add("iid_fixest", vcov(fit) / (ssr / (n - rank)) * ssr / (n - Kf0),
      "formula (fixest vcov iid): sum(w e^2)/(n - K) (X~'WX~)^-1 with K = k + sum_j L_j - (m - 1)",
      pk("iid", "fixest"), K = Kf0, df_t = n - Kf0)
  add("HC1_fixest", V_HC0 * n / (n - Kf0),
      paste("formula (fixest vcov hetero, vcov_hetero_internal: n/(n-1) times adj (n-1)/(n-K)):",
            "HC0 * n/(n - K), K = k + sum_j L_j - (m - 1)"),
      pk("hc1", "fixest"), K = Kf0, factor = n / (n - Kf0), df_t = n - Kf0)

  # ---- one-way clustering ----
  for (cl in clusters_1) {
    G <- G_of(cl)
    nested <- sapply(terms, function(t) nested_in(s, t, cl))
    V0 <- CL0(cl)
    add(paste0("CR0_", cl), V0, sprintf("sandwich::vcovCL(fit, cluster = ~%s, type = \"HC0\", cadjust = FALSE)", cl),
        pk("cr0", "areg", cl), G = G, factor = 1, df_t = G - 1)
    V1 <- vcovCL(fit, cluster = s[[cl]], type = "HC1", cadjust = TRUE)
    fac <- G / (G - 1) * (n - 1) / (n - rank)
    stopifnot(slope_diff(V1, V0 * fac) < 1e-9)
    add(paste0("CR1_", cl, "_areg"), V1,
        sprintf("sandwich::vcovCL(fit, cluster = ~%s, type = \"HC1\", cadjust = TRUE): G/(G-1) (n-1)/(n-rank)", cl),
        pk("cluster", "areg", cl), K = rank, G = G, factor = fac, df_t = G - 1)
    # reghdfe: a term nested in the cluster counts no coefficient, the others their exact rank together with
    # the constant: K = k + rank([1, dummies of the terms not nested]); reghdfe's own count agrees here (checked)
    free <- terms[!nested]
    K_reg <- if (any(nested)) k + (if (length(free)) qr_rank(dummies(s, free)) else 1) else rank
    emu <- reghdfe_dof(s, terms, cl)
    stopifnot(K_reg == k + emu$df_a + emu$nested_adj)
    fac <- G / (G - 1) * (n - 1) / (n - K_reg)
    add(paste0("CR1_", cl, "_reghdfe"), V0 * fac,
        paste("formula (reghdfe.mata ReghdfeVCE: q = (N-1)/(N - nested_adj - df_m - df_a) G/(G-1)):",
              "CR0 * G/(G-1) (n-1)/(n-K), K = k + rank of [1, dummies of the terms not nested in the cluster]"),
        pk("cluster", "xtreg", cl), K = K_reg, G = G, factor = fac, df_t = G - 1)
    K_ctx <- rank - sum(ifelse(nested, L - 1, 0))
    fac <- G / (G - 1) * (n - 1) / (n - K_ctx)
    add(paste0("CR1_", cl, "_Kfe_minus_nested"), V0 * fac,
        paste("formula, for information (not reghdfe when a nested term overlaps another term):",
              "CR0 * G/(G-1) (n-1)/(n-K), K = k + K_fe - sum over nested terms of (levels - 1)"),
        NULL, K = K_ctx, G = G, factor = fac, df_t = G - 1)
    Kf <- K_fixest(nested)
    fac <- G / (G - 1) * (n - 1) / (n - Kf)
    add(paste0("CR1_", cl, "_fixest"), V0 * fac,
        "formula (fixest cluster): CR0 * G/(G-1) (n-1)/(n-K), K = k + sum_j L'_j - (m-1), L'_j = 1 if nested",
        pk("cluster", "fixest", cl), K = Kf, G = G, factor = fac, df_t = G - 1)
    if (cr2) {
      r <- cr2_absorbed(s, terms, cl, weighted)
      add(paste0("CR2_", cl), r$V,
          paste0("clubSandwich::vcovCR(type = \"CR2\", cluster = ~", cl, ") and coef_test(test = \"Satterthwaite\") on lm of the ",
                 "regression with the terms nested in the cluster (", paste(terms[nested], collapse = ", "), ") absorbed by ",
                 if (weighted) "weighted " else "", "group demeaning and the other terms as dummies",
                 if (weighted) ", on the sqrt(w)-transformed data (= lm(weights = w) with inverse_var = TRUE, working model 1/w)" else "",
                 "; equal to CR2 of the full dummy regression (Pustejovsky and Tipton 2018, Theorem 2; checked on a subsample, ",
                 "see crosscheck_full_dummies)"),
          pk("cr2", "areg", cl), G = G, df = r$df)
      info[[paste0("CR2_", cl)]]$crosscheck_full_dummies <- cr2_crosscheck(s, terms, cl, weighted)
      stopifnot(max(abs(r$coef / cf[XV] - 1)) < 1e-9)
    }
  }

  # ---- two-way clustering ----
  if (length(twoway) == 2) {
    c1 <- twoway[1]; c2 <- twoway[2]
    G1 <- G_of(c1); G2 <- G_of(c2)
    inter <- paste(s[[c1]], s[[c2]], sep = "|")
    G12 <- length(unique(inter))
    V1 <- CL0(c1); V2 <- CL0(c2)
    V12 <- vcovCL(fit, cluster = inter, type = "HC0", cadjust = FALSE)
    Gmin <- min(G1, G2)
    Vs <- vcovCL(fit, cluster = s[, c(c1, c2)], multi0 = FALSE, type = "HC1")
    adj <- (n - 1) / (n - rank)
    Vs_formula <- adj * (G1 / (G1 - 1) * V1 + G2 / (G2 - 1) * V2 - G12 / (G12 - 1) * V12)
    if (verbose) message("  sandwich two-way vs formula: ", slope_diff(Vs, Vs_formula))
    stopifnot(slope_diff(Vs, Vs_formula) < 1e-9)
    add("twoway_sandwich", Vs,
        sprintf("sandwich::vcovCL(fit, cluster = ~%s + %s, multi0 = FALSE, type = \"HC1\"): (n-1)/(n-rank) [G1/(G1-1) V1 + G2/(G2-1) V2 - G12/(G12-1) V12], V from CR0", c1, c2),
        pk("twoway", "sandwich", c(c1, c2)), K = rank, G = c(G1, G2, G12),
        factor = list(common = adj, cluster1 = G1 / (G1 - 1), cluster2 = G2 / (G2 - 1), intersection = G12 / (G12 - 1)),
        df_t = Gmin - 1)
    nested <- sapply(terms, function(t) nested_in(s, t, c1) || nested_in(s, t, c2))
    free <- terms[!nested]
    K_reg <- if (any(nested)) k + (if (length(free)) qr_rank(dummies(s, free)) else 1) else rank
    emu <- reghdfe_dof(s, terms, c(c1, c2))
    stopifnot(K_reg == k + emu$df_a + emu$nested_adj)
    Vsum <- V1 + V2 - V12
    fac <- Gmin / (Gmin - 1) * (n - 1) / (n - K_reg)
    add("twoway_reghdfe", Vsum * fac,
        paste("formula (reghdfe.mata ReghdfeVCE, multiway): (V1 + V2 - V12) * G_min/(G_min-1) (n-1)/(n-K), V from CR0,",
              "K = k + rank of [1, dummies of the terms nested in neither cluster]"),
        pk("twoway", "xtreg", c(c1, c2)), K = K_reg, G = c(G1, G2, G12), factor = fac, df_t = Gmin - 1)
    fac <- Gmin / (Gmin - 1) * (n - 1) / (n - rank)
    add("twoway_Kfull", Vsum * fac,
        "formula, for information: (V1 + V2 - V12) * G_min/(G_min-1) (n-1)/(n-K) with K = lm rank (no nesting removed)",
        NULL, K = rank, G = c(G1, G2, G12), factor = fac, df_t = Gmin - 1)
    Kf <- K_fixest(nested)
    fac <- Gmin / (Gmin - 1) * (n - 1) / (n - Kf)
    add("twoway_fixest", Vsum * fac,
        "formula (fixest twoway, cluster.df = \"min\"): (V1 + V2 - V12) * G_min/(G_min-1) (n-1)/(n-K), K = k + sum_j L'_j - (m-1), L'_j = 1 if nested in either cluster",
        pk("twoway", "fixest", c(c1, c2)), K = Kf, G = c(G1, G2, G12), factor = fac, df_t = Gmin - 1)
  }

  # ---- plm (two-way within with weights) ----
  plm_block <- NULL
  if (plm_check) {
    pd <- pdata.frame(s, index = c("firm", "year"))
    pm <- tryCatch(plm(y ~ x1 + x2 + x3, data = pd, model = "within", effect = "twoways",
                       weights = if (weighted) w else NULL), error = function(e) e)
    if (inherits(pm, "error")) {
      plm_block <- list(status = paste("plm failed:", conditionMessage(pm)))
    } else {
      cdiff <- max(abs(coef(pm)[XV] / cf[XV] - 1))
      Vp <- tryCatch(vcovHC(pm, method = "arellano", type = "sss", cluster = "group"), error = function(e) e)
      pu <- plm(y ~ x1 + x2 + x3, data = pd, model = "within", effect = "twoways")
      fu <- lm(as.formula(paste("y ~", paste(c(XV, "factor(firm)", "factor(year)"), collapse = " + "))), data = s)
      plm_block <- list(call = "plm(y ~ x1 + x2 + x3, data = pdata.frame(sample, index = c(\"firm\", \"year\")), model = \"within\", effect = \"twoways\", weights = w)",
                        status = if (cdiff < 1e-8) "coefficients equal lm(weights = w)" else
                          "coefficients differ from lm(weights = w): plm's weighted two-way within transformation is not weighted least squares with firm and year dummies on this unbalanced panel; not used as a reference",
                        coef = setNames(as.list(num(coef(pm)[XV])), XV), max_rel_diff_coef_vs_lm = cdiff,
                        unweighted_same_sample_max_rel_diff_coef_plm_vs_lm = max(abs(coef(pu)[XV] / coef(fu)[XV] - 1)))
      if (inherits(Vp, "error")) {
        plm_block$vcovHC_arellano_sss <- paste("not available, plm::vcovHC says:", conditionMessage(Vp))
        G <- G_of("firm")
        add("CR1_firm_plm_formula", CL0("firm") * G / (G - 1) * (n - 1) / (n - k),
            paste("formula (plm vcovHC arellano sss rule, which plm 2.6-2 refuses for weighted models):",
                  "CR0 * G/(G-1) (n-1)/(n-k), k = slopes; t df = n - rank as plm"),
            pk("cluster", "plm", "firm"), K = k, G = G, factor = G / (G - 1) * (n - 1) / (n - k), df_t = n - rank)
      } else {
        G <- G_of("firm")
        Vref <- CL0("firm")[XV, XV] * G / (G - 1) * (n - 1) / (n - k)
        sdiff <- max(abs(sqrt(diag(Vp)[XV] / diag(Vref)) - 1))
        plm_block$vcovHC_arellano_sss_se <- setNames(as.list(sqrt(num(diag(Vp)[XV]))), XV)
        plm_block$max_rel_diff_sss_vs_weighted_formula <- sdiff
        if (sdiff < 1e-8) {
          add("CR1_firm_plm_sss", Vp, "plm::vcovHC(plm(..., weights = w), method = \"arellano\", type = \"sss\", cluster = \"group\")",
              pk("cluster", "plm", "firm"), K = k, G = G, factor = G / (G - 1) * (n - 1) / (n - k), df_t = n - rank)
        }
      }
    }
  }

  # ---- assemble ----
  names_v <- names(V)
  coefficients <- lapply(XV, function(x) list(
    estimate = num(cf[x]),
    se = setNames(lapply(names_v, function(v) sqrt(num(V[[v]][x, x]))), names_v),
    df = {
      dd <- lapply(names_v, function(v) if (!is.null(info[[v]]$df)) info[[v]]$df[[x]] else info[[v]]$df_t)
      setNames(dd, names_v)
    }))
  names(coefficients) <- XV
  vcov_out <- lapply(names_v, function(v) {
    b <- info[[v]]; b$df <- NULL
    b$matrix <- unname(lapply(seq_len(k), function(i) num(V[[v]][i, ])))
    b[!sapply(b, is.null)]
  })
  names(vcov_out) <- names_v
  clus <- unique(c(clusters_1, twoway))
  out <- list(
    schema = "panelkit-hdfe-reference-1",
    id = id,
    description = description,
    data_file = "hdfe/hdfe_panel.csv",
    model = list(y = "y", x = XV, fe = paste(terms, collapse = ","), weights = if (weighted) "w" else NULL,
                 drop_singletons = singletons,
                 r_call = paste0("lm(", deparse(form, width.cutoff = 500), ", data = sample",
                                 if (weighted) ", weights = w" else "", ")"),
                 sample = paste0("listwise deletion over y, x1, x2, x3, the fixed-effect columns and the cluster columns (",
                                 paste(clus, collapse = ", "), ")",
                                 if (weighted) "; rows with missing w deleted too, rows with w = 0 removed before lm (counted in n_zero_weight)" else "; w is not used (zero-weight rows stay)",
                                 if (singletons) "; then singletons dropped iteratively over all terms" else "")),
    n_input_rows = n_input, n_dropped_missing = n_missing, n_zero_weight = n_zero,
    n_singletons_dropped = n_single, singleton_rounds = single_rounds, n = n,
    k = k,
    lm = list(rank = rank, columns = length(cf), aliased = sum(is.na(cf)), df_residual = fit$df.residual),
    k_fe_rank = k_fe,
    fe_levels = setNames(as.list(unname(L)), terms),
    absorbed_exact = absorbed,
    reghdfe_count_unclustered = {
      e0 <- reghdfe_dof(s, terms, character(0))
      list(levels = e0$levels, redundant = e0$redundant, df_a = e0$df_a,
           note = "reghdfe's own absorbed-df count without clustering (emulated from reghdfe.mata); for information")
    },
    clusters = setNames(lapply(clus, function(cl) list(G = G_of(cl),
      nested_terms = as.list(terms[sapply(terms, function(t) nested_in(s, t, cl))]))), clus),
    ssr = ssr, sigma = sqrt(ssr / fit$df.residual),
    coefficients = coefficients,
    vcov = vcov_out,
    plm = plm_block,
    seconds = NULL
  )
  out <- out[!sapply(out, is.null)]
  message(sprintf("%s: n = %d, rank = %d, %.1f s", id, n, rank, as.numeric(Sys.time() - t0, units = "secs")))
  out
}
`%||%` <- function(a, b) if (is.null(a)) b else a

write_json_file <- function(obj, name) {
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"),
             file.path(out_dir, "expected", name))
}

# ------------------------------------------------------------------------------------------------------------
# 4. The models
# ------------------------------------------------------------------------------------------------------------
three <- c("firm", "year", "industry^year")
write_json_file(fit_model("threeway_unweighted", "firm + year + industry^year effects, unweighted, singletons kept",
                          three), "threeway_unweighted.json")
write_json_file(fit_model("threeway_weighted", "firm + year + industry^year effects, analytic weights w, singletons kept",
                          three, weighted = TRUE), "threeway_weighted.json")
write_json_file(fit_model("threeway_singletons", "firm + year + industry^year effects, unweighted, singletons dropped iteratively",
                          three, singletons = TRUE), "threeway_singletons.json")
write_json_file(fit_model("twoway_unweighted", "firm + year effects, unweighted: pins the two-way clustering conventions",
                          c("firm", "year")), "twoway_unweighted.json")
write_json_file(fit_model("twoway_weighted", "firm + year effects, analytic weights w, also against plm",
                          c("firm", "year"), weighted = TRUE, plm_check = TRUE), "twoway_weighted.json")
write_json_file(fit_model("nested_region", "firm + industry^year effects, clustered by region (firm nested in region)",
                          c("firm", "industry^year"), clusters_1 = "region", twoway = character(0)),
                "nested_region.json")

# ------------------------------------------------------------------------------------------------------------
# 5. --check: compare with the committed files
# ------------------------------------------------------------------------------------------------------------
if (check) {
  worst <- 0
  cmp <- function(a, b, path) {
    if (is.list(a) || is.list(b)) {
      stopifnot(identical(sort(names(a)), sort(names(b))) || is.null(names(a)))
      keys <- if (is.null(names(a))) seq_along(a) else names(a)
      for (kk in keys) cmp(a[[kk]], b[[kk]], paste0(path, "/", kk))
    } else if (is.numeric(a) && is.numeric(b)) {
      d <- max(abs(a - b) / pmax(abs(b), 1e-300))
      if (is.finite(d)) worst <<- max(worst, d)
      if (!(d <= 1e-8)) stop("differs at ", path, ": ", format(a, digits = 17), " vs ", format(b, digits = 17))
    } else if (!identical(a, b)) stop("differs at ", path)
  }
  stopifnot(identical(readLines(csv), readLines(file.path(here, "hdfe_panel.csv"))))
  for (f in list.files(file.path(out_dir, "expected"), pattern = "json$")) {
    cmp(fromJSON(file.path(out_dir, "expected", f), simplifyVector = FALSE),
        fromJSON(file.path(here, "expected", f), simplifyVector = FALSE), f)
  }
  cat(sprintf("check passed: CSV identical, largest relative difference %.3g\n", worst))
}
