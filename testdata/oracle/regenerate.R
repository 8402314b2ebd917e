# Regenerates the reference ("oracle") results of testdata/oracle with R, following README.md (schema and
# conventions). Needs R with plm, sandwich, clubSandwich, zoo and jsonlite (Debian: apt-get install r-base-core
# r-cran-plm r-cran-sandwich r-cran-clubsandwich r-cran-zoo r-cran-jsonlite).
#
#   Rscript testdata/oracle/regenerate.R [--out DIR] [--check]
#
# --out DIR  write the regenerated files under DIR (expected/, interp/, lq/); default: a temporary folder.
#            Use --out testdata/oracle to overwrite the committed files.
# --check    compare every regenerated number with the committed file of the same name and print the largest
#            relative difference per file; exit status 1 if any exceeds 1e-8. (The committed files were also
#            cross-checked against estimatr 1.0.0 and gretl 2022c, which this script does not need; their
#            `crosscheck` and `software` blocks are not compared.)
#
# What it computes, per file:
#   expected/<dataset>__<spec>_<fe>.json  fixed-effects regression by exact QR projection on the fixed-effect
#       dummies, every variance estimator of README.md section "Conventions" (the algebra written out here; plm,
#       sandwich and clubSandwich give the same numbers, see `crosscheck`), CR2 and its Satterthwaite df from
#       clubSandwich::coef_test on the plm model.
#   interp/Produc_interp_*.csv  zoo::na.approx / na.spline / na.locf within state on interp/Produc_holed.csv.
#   lq/synthetic_30x21_lq.csv   location quotients of lq/synthetic_30x21_long.csv (base R).
#   data/*.csv                  the panels from plm and sandwich with the ln_* columns (for --check only; the
#                               regressions above read the committed files).
# Not regenerated: interp/Produc_holed.csv, interp/Produc_mask.csv and lq/synthetic_30x21_long.csv (seeded
# simulations; PROVENANCE.md).

suppressPackageStartupMessages({
  library(plm)
  library(sandwich)
  library(clubSandwich)
  library(zoo)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
here <- normalizePath(dirname(script))
args <- commandArgs(trailingOnly = TRUE)
out <- if ("--out" %in% args) args[which(args == "--out") + 1] else file.path(tempdir(), "oracle")
check <- "--check" %in% args
for (d in c("expected", "interp", "lq")) dir.create(file.path(out, d), recursive = TRUE, showWarnings = FALSE)
cat("reading", here, "writing", normalizePath(out), "\n")

# ---------------------------------------------------------------------------------------------------------------
# The panels as the R packages ship them, with the ln_* columns (written to OUT/data for --check; the regressions
# below read the committed testdata/oracle/data files)

dir.create(file.path(out, "data"), showWarnings = FALSE)
export <- function(d, logs, file) {
  for (v in logs) d[[paste0("ln_", v)]] <- log(d[[v]])
  write.csv(d, file.path(out, "data", file), row.names = FALSE, quote = FALSE)
  cat("wrote data/", file, "\n", sep = "")
}
data("Produc", package = "plm", envir = environment())
export(Produc, c("gsp", "pcap", "pc", "emp", "hwy", "water", "util"), "Produc.csv")
data("Grunfeld", package = "plm", envir = environment())
export(Grunfeld, c("inv", "value", "capital"), "Grunfeld.csv")
data("PetersenCL", package = "sandwich", envir = environment())
export(PetersenCL, character(0), "PetersenCL.csv")

# ---------------------------------------------------------------------------------------------------------------
# Fixed effects

specs <- list(
  list(dataset = "Produc", spec = "cd", y = "ln_gsp", x = c("ln_pcap", "ln_pc", "ln_emp", "unemp"),
       entity = "state", time = "year", fe = c("twoways", "entity", "time")),
  list(dataset = "Produc", spec = "cd6", y = "ln_gsp",
       x = c("ln_hwy", "ln_water", "ln_util", "ln_pc", "ln_emp", "unemp"),
       entity = "state", time = "year", fe = c("twoways", "entity")),
  list(dataset = "Grunfeld", spec = "inv", y = "inv", x = c("value", "capital"),
       entity = "firm", time = "year", fe = c("twoways", "entity")),
  list(dataset = "Grunfeld", spec = "loginv", y = "ln_inv", x = c("ln_value", "ln_capital"),
       entity = "firm", time = "year", fe = c("twoways", "entity")),
  list(dataset = "PetersenCL", spec = "yx", y = "y", x = c("x"),
       entity = "firm", time = "year", fe = c("twoways", "entity", "none")))

F_IID <- "V = s2 (X~'X~)^-1, s2 = SSR/(N-k-K_fe)"
F_HC0 <- "V = B (sum_it e_it^2 x~_it x~_it') B, B=(X~'X~)^-1"
F_HC1_LSDV <- "HC0 * N/(N-K), K = k + K_fe (all LSDV parameters; = lm(+dummies)+sandwich::vcovHC HC1, estimatr HC1, Stata regress i.id i.year, robust)"
F_HC1_PLM <- "HC0 * N/(N-k), k = #slopes only (+1 for the intercept if fe='none') (= plm::vcovHC(method='white1', type='HC1'))"
F_CR0 <- "V = B (sum_g X~_g' e_g e_g' X~_g) B, no small-sample factor"
F_XTREG <- "CR0 * G/(G-1) * (N-1)/(N-K), K = k + K_fe - max(nested-1,0): FE nested in the cluster variable are NOT counted but the constant is (documented Stata xtreg,fe vce(cluster) / reghdfe convention; NOT verifiable here, no Stata). NOTE estimatr se_type='stata' does NOT use this, it equals CR1_lsdv"
F_SSS <- "CR0 * G/(G-1) * (N-1)/(N-k), k = #slopes only (+1 intercept if fe='none') (= plm::vcovHC(method='arellano', type='sss'))"
F_CL_LSDV <- "CR0 * G/(G-1) * (N-1)/(N-K), K = k + K_fe (all LSDV params; = sandwich::vcovCL(lm with dummies, type='HC1'); Stata areg; = estimatr lm_robust(fixed_effects=, clusters=, se_type='stata'))"
F_2W_CR0 <- "B (M_id + M_t - M_idt) B, no factors"
F_2W_HC1 <- "(N-1)/(N-K) * B (G1/(G1-1) M_id + G2/(G2-1) M_t - G12/(G12-1) M_idt) B, K = k + K_fe (= sandwich::vcovCL(lm with dummies, cluster=~id+year, type='HC1'))"
F_2W_SSS <- "(N-1)/(N-k) * B (G1/(G1-1) M_id + G2/(G2-1) M_t - N/(N-1) M_idt) B, k = #slopes (= plm::vcovDC(type='sss'))"
F_DK <- "B S B, S = G0 + sum_{j=1..L} (1-j/(L+1)) (Gj+Gj'), Gj = sum_t h_t h_{t-j}', h_t = sum_i x~_it e_it; L = floor(max_i(T_i)^(1/4)) (= plm::vcovSCC defaults, type HC0)"
F_DK_SSS <- "DK_plm * T/(T-1)*(N-1)/(N-k) (= plm::vcovSCC(type='sss'))"
F_DK_XTSCC <- "same as DK_plm (HC0) but L = floor(4*(T/100)^(2/9)) (lag rule of Stata xtscc; Stata's own scaling NOT verified here)"
F_CR2 <- "clubSandwich::vcovCR(plm within model, cluster=entity, type='CR2') (Bell-McCaffrey / Pustejovsky-Tipton, absorbed FE); p with Satterthwaite df"

named <- function(v, names) stats::setNames(as.list(v), names)

# M = sum over groups of (X~_g' e_g)(X~_g' e_g)'
meat <- function(S, g) {
  s <- rowsum(S, g, reorder = FALSE)
  crossprod(s)
}

fit_fe <- function(sp, fe, data_file) {
  d0 <- read.csv(file.path(here, data_file), stringsAsFactors = FALSE)
  keep <- complete.cases(d0[, c(sp$y, sp$x, sp$entity, sp$time)])
  d <- d0[keep, ]
  d <- d[order(d[[sp$entity]], d[[sp$time]]), ]
  N <- nrow(d)
  id <- factor(d[[sp$entity]])
  tt <- factor(d[[sp$time]])
  y <- d[[sp$y]]
  X <- as.matrix(d[, sp$x, drop = FALSE])
  D <- switch(fe,
              twoways = model.matrix(~ id + tt),
              entity = model.matrix(~ id - 1),
              time = model.matrix(~ tt - 1),
              none = matrix(1, N, 1))
  qd <- qr(D)
  K_fe <- qd$rank
  yt <- qr.resid(qd, y)
  Xt <- qr.resid(qd, X)
  # collinearity (README 2): absorbed columns, then pivoted QR
  centred <- sweep(X, 2, colMeans(X))
  absorbed <- sqrt(colSums(Xt^2)) < 1e-7 * sqrt(colSums(centred^2))
  qx <- qr(Xt[, !absorbed, drop = FALSE], tol = 1e-7)
  kept <- colnames(Xt)[!absorbed][qx$pivot[seq_len(qx$rank)]]
  kept <- sp$x[sp$x %in% kept]
  dropped <- setdiff(sp$x, kept)
  Xt <- Xt[, kept, drop = FALSE]
  X <- X[, kept, drop = FALSE]
  k <- ncol(Xt)
  B <- solve(crossprod(Xt))
  b <- drop(B %*% crossprod(Xt, yt))
  e <- drop(yt - Xt %*% b)
  df_resid <- N - k - K_fe
  ssr <- sum(e^2)
  G <- nlevels(id)
  T <- nlevels(tt)
  Ti <- tabulate(id)
  k_plm <- k + (fe == "none")
  S <- Xt * e

  p_block <- function(tv, df_cluster) {
    list(df_resid = named(2 * pt(-abs(tv), df_resid), kept),
         df_cluster = if (is.null(df_cluster)) NULL else named(2 * pt(-abs(tv), df_cluster), kept),
         normal = named(2 * pnorm(-abs(tv)), kept))
  }
  wald <- function(V, df_cluster) {
    stat <- drop(t(b) %*% solve(V, b)) / k
    list(stat = stat, df1 = k, df2_resid = df_resid, p_df_resid = pf(stat, k, df_resid, lower.tail = FALSE),
         df2_cluster = df_cluster,
         p_df_cluster = if (is.null(df_cluster)) NULL else pf(stat, k, df_cluster, lower.tail = FALSE))
  }
  block <- function(V, formula, factor, K_used, clusters, maxlag, df_cluster) {
    se <- sqrt(diag(V))
    tv <- b / se
    list(formula = formula, small_sample_factor = factor, K_used = K_used, clusters = clusters,
         maxlag = maxlag, se = named(se, kept), t = named(tv, kept),
         df = list(df_resid = df_resid, df_cluster = df_cluster), p = p_block(tv, df_cluster),
         wald_F = wald(V, df_cluster), matrix = unname(V))
  }
  # levels of an FE dimension nested in the cluster variable (README 6)
  nested <- function(cl) {
    n <- 0
    if (fe %in% c("twoways", "entity") && all(tapply(cl, id, function(v) length(unique(v))) == 1)) n <- n + G
    if (fe %in% c("twoways", "time") && all(tapply(cl, tt, function(v) length(unique(v))) == 1)) n <- n + T
    n
  }
  V0 <- B %*% crossprod(S) %*% B
  v <- list()
  v$iid <- block(ssr / df_resid * B, F_IID, 1, k + K_fe, NULL, NULL, NULL)
  v$HC0 <- block(V0, F_HC0, 1, NULL, NULL, NULL, NULL)
  f <- N / (N - k - K_fe); v$HC1_lsdv <- block(f * V0, F_HC1_LSDV, f, k + K_fe, NULL, NULL, NULL)
  f <- N / (N - k_plm); v$HC1_plm <- block(f * V0, F_HC1_PLM, f, k_plm, NULL, NULL, NULL)
  for (dim in c("entity", "time")) {
    cl <- if (dim == "entity") id else tt
    Gc <- nlevels(cl)
    Vc <- B %*% meat(S, cl) %*% B
    pre <- paste0("CL_", dim, "_")
    v[[paste0(pre, "CR0")]] <- block(Vc, F_CR0, 1, NULL, Gc, NULL, Gc - 1)
    K <- k + K_fe - max(nested(cl) - 1, 0)
    f <- Gc / (Gc - 1) * (N - 1) / (N - K)
    v[[paste0(pre, "CR1_stata_xtreg")]] <- block(f * Vc, F_XTREG, f, K, Gc, NULL, Gc - 1)
    f <- Gc / (Gc - 1) * (N - 1) / (N - k_plm)
    v[[paste0(pre, "CR1_plm_sss")]] <- block(f * Vc, F_SSS, f, k_plm, Gc, NULL, Gc - 1)
    f <- Gc / (Gc - 1) * (N - 1) / (N - k - K_fe)
    v[[paste0(pre, "CR1_lsdv")]] <- block(f * Vc, F_CL_LSDV, f, k + K_fe, Gc, NULL, Gc - 1)
  }
  Mid <- meat(S, id)
  Mt <- meat(S, tt)
  idt <- interaction(id, tt, drop = TRUE)
  Midt <- meat(S, idt)
  G12 <- nlevels(idt)
  dfc2 <- min(G, T) - 1
  v$CL_twoway_CR0 <- block(B %*% (Mid + Mt - Midt) %*% B, F_2W_CR0, 1, NULL, c(G, T), NULL, dfc2)
  V <- (N - 1) / (N - k - K_fe) * B %*% (G / (G - 1) * Mid + T / (T - 1) * Mt - G12 / (G12 - 1) * Midt) %*% B
  v$CL_twoway_sandwich_HC1 <- block(V, F_2W_HC1, NULL, k + K_fe, c(G, T), NULL, dfc2)
  V <- (N - 1) / (N - k_plm) * B %*% (G / (G - 1) * Mid + T / (T - 1) * Mt - N / (N - 1) * Midt) %*% B
  v$CL_twoway_plm_sss <- block(V, F_2W_SSS, NULL, k_plm, c(G, T), NULL, dfc2)
  # Driscoll-Kraay
  H <- rowsum(S, tt, reorder = TRUE)
  dk <- function(L) {
    Sm <- crossprod(H)
    if (L > 0) for (j in 1:L) {
      Gj <- crossprod(H[(j + 1):T, , drop = FALSE], H[1:(T - j), , drop = FALSE])
      Sm <- Sm + (1 - j / (L + 1)) * (Gj + t(Gj))
    }
    B %*% Sm %*% B
  }
  L <- floor(max(Ti)^(1 / 4))
  v$DK_plm <- block(dk(L), F_DK, 1, NULL, T, L, T - 1)
  f <- T / (T - 1) * (N - 1) / (N - k_plm)
  v$DK_plm_sss <- block(f * dk(L), F_DK_SSS, f, k_plm, T, L, T - 1)
  Lx <- floor(4 * (T / 100)^(2 / 9))
  v$DK_xtscc_lag <- block(dk(Lx), F_DK_XTSCC, 1, NULL, T, Lx, T - 1)
  # CR2 (clubSandwich on the plm model)
  pd <- pdata.frame(d, index = c(sp$entity, sp$time))
  form <- as.formula(paste(sp$y, "~", paste(kept, collapse = " + ")))
  pm <- if (fe == "none") plm(form, pd, model = "pooling") else
    plm(form, pd, model = "within", effect = switch(fe, twoways = "twoways", entity = "individual", time = "time"))
  Vcr2 <- vcovCR(pm, cluster = pd[[sp$entity]], type = "CR2")
  ct <- coef_test(pm, vcov = Vcr2, test = "Satterthwaite")
  # Satterthwaite df and p for every coefficient of the plm model (with fe='none' also the intercept)
  terms <- if (!is.null(ct$Coef)) as.character(ct$Coef) else rownames(ct)
  dfs_all <- if (!is.null(ct$df_Satt)) ct$df_Satt else ct$df
  Vcr2 <- as.matrix(Vcr2)
  t_all <- coef(pm)[terms] / sqrt(diag(Vcr2)[terms])
  Vcr2 <- Vcr2[kept, kept, drop = FALSE]
  se2 <- sqrt(diag(Vcr2))
  t2 <- b / se2
  v$CL_entity_CR2 <- list(formula = F_CR2, small_sample_factor = NULL, K_used = NULL, clusters = G,
                          se = named(se2, kept), t = named(t2, kept),
                          df = list(df_resid = df_resid, df_cluster = G - 1, df_satterthwaite = named(dfs_all, terms)),
                          p = list(satterthwaite = named(2 * pt(-abs(t_all), dfs_all), terms),
                                   df_cluster = named(2 * pt(-abs(t2), G - 1), kept),
                                   normal = named(2 * pnorm(-abs(t2)), kept)),
                          matrix = unname(unclass(Vcr2)))
  # R^2, F, constants
  tss_w <- sum(yt^2)
  r2_within <- if (fe == "none") NULL else 1 - ssr / tss_w
  r2_stata <- if (fe %in% c("twoways", "entity")) 1 - ssr / sum((y - ave(y, id))^2) else NULL
  r2_lsdv <- 1 - ssr / sum((y - mean(y))^2)
  fstat <- ((tss_w - ssr) / k) / (ssr / df_resid)
  const <- mean(y) - sum(colMeans(X) * b)
  const_iyear <- NULL
  if (fe == "twoways") {
    lmd <- lm(y ~ X + id + tt)
    gam <- coef(lmd)[paste0("tt", levels(tt)[-1])]
    const_iyear <- const - sum(colMeans(model.matrix(~ tt)[, -1, drop = FALSE]) * gam)
  }
  # crosscheck against plm (coefficients, clustered and Driscoll-Kraay SEs)
  cc <- list(plm = list(coef = max(abs(coef(pm)[kept] - b))))
  if (fe != "none") {
    cc$plm$se_arellano_sss_vs_CL_entity_CR1_plm_sss <- max(abs(sqrt(diag(vcovHC(pm, method = "arellano",
      type = "sss", cluster = "group")))[kept] - unlist(v$CL_entity_CR1_plm_sss$se)))
    cc$plm$se_vcovSCC_vs_DK_plm <- max(abs(sqrt(diag(vcovSCC(pm)))[kept] - unlist(v$DK_plm$se)))
  }
  list(schema_version = 1, dataset = sp$dataset, data_file = data_file,
       spec = paste0(sp$spec, "_", fe), entity = sp$entity, time = sp$time, y = sp$y,
       x = I(sp$x), x_estimated = I(kept), dropped_collinear = I(dropped), fe = fe, sample_filter = NULL,
       n_dropped_missing = sum(!keep),
       missing_rule = "listwise deletion over y, x, entity, time (after sample_filter)",
       n = N, groups = G, periods = T, max_Ti = max(Ti), balanced = length(unique(Ti)) == 1 && G * T == N,
       k = k, fe_dof = K_fe, df_resid = df_resid, coef = named(b, kept), ssr = ssr,
       sigma = sqrt(ssr / df_resid), r2_within = r2_within, r2_within_stata = r2_stata, r2_lsdv = r2_lsdv,
       f_test = list(stat = fstat, df1 = k, df2 = df_resid, p = pf(fstat, k, df_resid, lower.tail = FALSE),
                     definition = "((TSS~ - SSR)/k)/(SSR/df_resid), TSS~ = sum of squared within-transformed y (plm summary F)"),
       constant_stata = const, constant_xtreg_iyear = const_iyear, vcov = v, crosscheck = cc,
       software = list(R = R.version.string, plm = as.character(packageVersion("plm")),
                       sandwich = as.character(packageVersion("sandwich")),
                       clubSandwich = as.character(packageVersion("clubSandwich")),
                       jsonlite = as.character(packageVersion("jsonlite"))),
       conventions = "see oracle/README.md")
}

write_json_file <- function(x, file) {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = I(15), null = "null", na = "null", pretty = TRUE), file)
}

for (sp in specs) {
  for (fe in sp$fe) {
    name <- paste0(sp$dataset, "__", sp$spec, "_", fe, ".json")
    r <- fit_fe(sp, fe, file.path("data", paste0(sp$dataset, ".csv")))
    write_json_file(r, file.path(out, "expected", name))
    cat("wrote expected/", name, "\n", sep = "")
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Interpolation (zoo), within state, ordered by year, x = year

holed <- read.csv(file.path(here, "interp", "Produc_holed.csv"), stringsAsFactors = FALSE)
holed <- holed[order(holed$state, holed$year), ]
fill <- function(f) {
  r <- holed[, c("state", "year", "pcap", "emp", "unemp")]
  for (v in c("pcap", "emp", "unemp")) {
    for (st in unique(holed$state)) {
      i <- which(holed$state == st)
      s <- holed[[v]][i]
      if (any(!is.na(s))) r[[v]][i] <- f(s, holed$year[i])
    }
  }
  r
}
approx_rule <- function(rule) function(s, x) if (sum(!is.na(s)) < 2) s else na.approx(s, x = x, rule = rule, na.rm = FALSE)
interp <- list(
  approx_rule1 = approx_rule(1),
  approx_rule2 = approx_rule(2),
  spline_natural = function(s, x) na.spline(s, x = x, method = "natural", na.rm = FALSE),
  locf = function(s, x) na.locf(s, na.rm = FALSE),
  nocb = function(s, x) na.locf(s, fromLast = TRUE, na.rm = FALSE))
for (m in names(interp)) {
  r <- fill(interp[[m]])
  file <- file.path(out, "interp", paste0("Produc_interp_", m, ".csv"))
  write.csv(r, file, row.names = FALSE, na = "", quote = FALSE)
  cat("wrote interp/", basename(file), "\n", sep = "")
}

# ---------------------------------------------------------------------------------------------------------------
# Location quotients: LQ = (Y_ijt / Y_it) / (Y_jt / Y_t)

lq <- read.csv(file.path(here, "lq", "synthetic_30x21_long.csv"), stringsAsFactors = FALSE)
lq$region_total <- ave(lq$value, lq$region, lq$year, FUN = sum)
lq$industry_national <- ave(lq$value, lq$industry, lq$year, FUN = sum)
lq$national_total <- ave(lq$value, lq$year, FUN = sum)
lq$lq <- (lq$value / lq$region_total) / (lq$industry_national / lq$national_total)
write.csv(lq, file.path(out, "lq", "synthetic_30x21_lq.csv"), row.names = FALSE, na = "", quote = FALSE)
cat("wrote lq/synthetic_30x21_lq.csv\n")

# ---------------------------------------------------------------------------------------------------------------
# --check: every number against the committed file

if (check) {
  worst <- 0
  relmax <- function(a, b) {
    if (is.null(a) && is.null(b)) return(0)
    if (is.numeric(a) && is.numeric(b)) {
      if (length(a) != length(b)) return(Inf)
      both_na <- is.na(a) & is.na(b)
      d <- abs(a - b) / pmax(abs(b), 1e-300)
      d[abs(a - b) < 1e-300 | both_na] <- 0
      return(if (length(d)) max(d) else 0)
    }
    if (is.list(a) && is.list(b)) {
      ks <- union(names(a), names(b))
      if (is.null(ks)) ks <- seq_along(b)
      m <- 0
      for (kk in ks) {
        if (is.character(kk) && kk %in% c("crosscheck", "software", "formula", "definition")) next
        m <- max(m, relmax(a[[kk]], b[[kk]]))
      }
      return(m)
    }
    if (identical(a, b)) 0 else if (is.character(a) && is.character(b)) (if (all(a == b)) 0 else Inf) else Inf
  }
  for (f in list.files(file.path(out, "expected"), pattern = "\\.json$")) {
    a <- fromJSON(file.path(out, "expected", f), simplifyVector = FALSE)
    b <- fromJSON(file.path(here, "expected", f), simplifyVector = FALSE)
    m <- relmax(a, b)
    worst <- max(worst, m)
    cat(sprintf("check expected/%-32s max relative difference %.3g\n", f, m))
  }
  for (f in c(file.path("data", c("Produc.csv", "Grunfeld.csv", "PetersenCL.csv")),
              file.path("interp", paste0("Produc_interp_", names(interp), ".csv")),
              file.path("lq", "synthetic_30x21_lq.csv"))) {
    a <- read.csv(file.path(out, f))
    b <- read.csv(file.path(here, f))
    num <- names(b)[sapply(b, is.numeric)]
    txt <- setdiff(names(b), num)
    m <- if (!identical(dim(a), dim(b)) || !identical(names(a), names(b))) Inf else
      max(relmax(as.list(a[num]), as.list(b[num])), if (identical(a[txt], b[txt])) 0 else Inf)
    worst <- max(worst, m)
    cat(sprintf("check %-41s max relative difference %.3g\n", f, m))
  }
  cat(sprintf("largest relative difference: %.3g\n", worst))
  if (worst > 1e-8) quit(status = 1)
}
