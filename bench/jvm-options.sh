# The JVM options the service ships (deploy/jvm.options, which the Dockerfile reads too), with the
# heap fixed at 96-192 MB instead of half the container's memory, for the scripts that run the jar:
# source it, then use $SHIPPED_JAVA_OPTS.
SHIPPED_JAVA_OPTS="-Xms96m -Xmx192m -XX:VMOptionsFile=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/deploy/jvm.options"
