await listCheckpoints({ model })
