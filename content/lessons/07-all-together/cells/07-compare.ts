compareRuns({ last: 10 })
