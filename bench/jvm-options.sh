# The JVM options the service ships (the Dockerfile's, with the heap fixed at 96-192 MB instead of
# half the container's memory), for the scripts that run the jar: source it, then use $SHIPPED_JAVA_OPTS.
SHIPPED_JAVA_OPTS="-Xms96m -Xmx192m -XX:NewSize=64m -XX:+UseParallelGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k"
