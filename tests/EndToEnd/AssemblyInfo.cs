// One HTTP model's stack (worker, Azurite, Chromium) at a time: two at once would share the 2 CI cores and skew the load figures.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
