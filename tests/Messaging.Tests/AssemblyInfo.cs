// The classes here share one RabbitMQ vhost and a 2-core machine, and one of them stops the broker: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
