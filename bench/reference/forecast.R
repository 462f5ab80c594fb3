# Reference forecasts for bench/forecast.bench.ts: R's forecast package (Hyndman & Khandakar 2008,
# "Automatic time series forecasting: the forecast package for R", J. Stat. Softw. 27(3)) on the same
# daily series of final room-nights that yieldcraft's Holt-Winters sees.
#
# Usage: Rscript forecast.R input.csv output.csv H
#   input.csv:  series,y        (one row per night, in order, grouped by series id)
#   output.csv: series,model,h,mean   for h = 1..H, models 'ets' (forecast::ets, automatic ETS
#               selection by AICc) and 'auto.arima' (forecast::auto.arima, stepwise), both on
#               ts(y, frequency = 7).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1])
H <- as.integer(args[3])
out <- list()
for (id in unique(input$series)) {
  y <- ts(input$y[input$series == id], frequency = 7)
  fe <- forecast(ets(y), h = H)$mean
  fa <- forecast(auto.arima(y), h = H)$mean
  out[[length(out) + 1]] <- data.frame(series = id, model = "ets", h = seq_len(H), mean = as.numeric(fe))
  out[[length(out) + 1]] <- data.frame(series = id, model = "auto.arima", h = seq_len(H), mean = as.numeric(fa))
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("R %s, forecast %s\n", paste(R.version$major, R.version$minor, sep = "."), packageVersion("forecast")))
