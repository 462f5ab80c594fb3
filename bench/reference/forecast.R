# Reference forecasts for bench/forecast.bench.ts: R's forecast package (Hyndman & Khandakar 2008,
# "Automatic time series forecasting: the forecast package for R", J. Stat. Softw. 27(3); De Livera,
# Hyndman & Snyder 2011, "Forecasting time series with complex seasonal patterns using exponential
# smoothing", JASA 106: 1513–1527, for tbats) on the same daily series of final room-nights that
# yieldcraft's Holt-Winters sees.
#
# Usage: Rscript forecast.R input.csv output.csv H
#   input.csv:  series,y        (one row per night, in order, grouped by series id)
#   output.csv: series,model,h,mean   for h = 1..H, models 'ets' (forecast::ets, automatic ETS
#               selection by AICc), 'auto.arima' (forecast::auto.arima, stepwise) and 'tbats'
#               (forecast::tbats, weekly period), all on ts(y, frequency = 7).
# Progress goes to stderr, one line per series.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
H <- as.integer(args[3])
out <- list()
ids <- unique(input$series)
for (i in seq_along(ids)) {
  id <- ids[i]
  t0 <- Sys.time()
  y <- ts(input$y[input$series == id], frequency = 7)
  fe <- forecast(ets(y), h = H)$mean
  fa <- forecast(auto.arima(y), h = H)$mean
  ft <- forecast(tbats(y, use.parallel = FALSE), h = H)$mean
  out[[length(out) + 1]] <- data.frame(series = id, model = "ets", h = seq_len(H), mean = as.numeric(fe))
  out[[length(out) + 1]] <- data.frame(series = id, model = "auto.arima", h = seq_len(H), mean = as.numeric(fa))
  out[[length(out) + 1]] <- data.frame(series = id, model = "tbats", h = seq_len(H), mean = as.numeric(ft))
  message(sprintf("R: series %d/%d (%s) done in %.1f s", i, length(ids), id, as.numeric(difftime(Sys.time(), t0, units = "secs"))))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("R %s, forecast %s\n", paste(R.version$major, R.version$minor, sep = "."), packageVersion("forecast")))
