# R surveillance::earsC C1, C2, C3 over n series x 365 days (plus 11 days of history), timed;
# extrapolated linearly to 3,000 series. Usage: Rscript bench/ears-r-timing.R [n]
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) > 0) as.integer(args[1]) else 100
set.seed(12)
days <- 365 + 11
x <- sapply(1:n, function(s) rpois(days, 0.2 + runif(1) * 30))
s <- sts(observed = x, start = c(2025, 1), frequency = 365)
range <- 12:days
t <- system.time(for (m in c("C1", "C2", "C3")) {
  earsC(s, control = list(method = m, alpha = 0.001, range = range))
})[["elapsed"]]
cat(sprintf("BENCH R earsC C1+C2+C3, %d series x 365 days: %.2f s (x %.0f = %.1f s for 3,000 series)\n",
  n, t, 3000 / n, t * 3000 / n))
