# shellcheck shell=bash
# Finds a JDK >= 21 and exports JAVA_HOME and JAVA (its java binary). Sourced by bin/stack and .ci/run.
#
# Order: $JAVA_HOME if it is >= 21; else `java` on PATH if >= 21; else the newest >= 21 under /usr/lib/jvm/*
# (Linux) or /Library/Java/JavaVirtualMachines/*/Contents/Home (macOS). Fails with a message saying what was
# looked at. Our jars are built for release 21 and do not run on an older java.

SHOPSAGA_MIN_JAVA=21

# Prints the feature version (8, 17, 21, 25...) of the JDK at home $1, or nothing.
jdk_feature_version() {
  local home=$1 version=""
  [[ -x $home/bin/java ]] || return 0
  if [[ -f $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
  fi
  if [[ -z $version ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}          # 1.8.0_292 -> 8.0_292
  version=${version%%[!0-9]*}    # 21.0.2 -> 21, 25-ea -> 25
  [[ -n $version ]] && printf '%s\n' "$version"
  return 0
}

# The java.home of the `java` found on PATH (following symlinks such as /usr/bin/java), or nothing.
jdk_home_of_path_java() {
  command -v java >/dev/null 2>&1 || return 0
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p' | head -n 1
}

find_jdk() {
  local candidate version best="" best_version=0 tried=()

  if [[ -n ${JAVA_HOME:-} ]]; then
    version=$(jdk_feature_version "$JAVA_HOME")
    if [[ -n $version ]] && (( version >= SHOPSAGA_MIN_JAVA )); then
      export JAVA_HOME JAVA="$JAVA_HOME/bin/java"
      return 0
    fi
    tried+=("JAVA_HOME=$JAVA_HOME (version ${version:-unknown})")
  fi

  candidate=$(jdk_home_of_path_java)
  if [[ -n $candidate ]]; then
    version=$(jdk_feature_version "$candidate")
    if [[ -n $version ]] && (( version >= SHOPSAGA_MIN_JAVA )); then
      export JAVA_HOME=$candidate JAVA="$candidate/bin/java"
      return 0
    fi
    tried+=("java on PATH: $candidate (version ${version:-unknown})")
  fi

  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d $candidate ]] || continue
    version=$(jdk_feature_version "$candidate")
    [[ -n $version ]] || continue
    if (( version >= SHOPSAGA_MIN_JAVA && version > best_version )); then
      best=$candidate best_version=$version
    fi
    (( version < SHOPSAGA_MIN_JAVA )) && tried+=("$candidate (version $version)")
  done
  if [[ -n $best ]]; then
    export JAVA_HOME=$best JAVA="$best/bin/java"
    return 0
  fi

  {
    echo "error: no JDK ${SHOPSAGA_MIN_JAVA} or newer found; ShopSaga's jars need one."
    echo "Looked at: JAVA_HOME, java on PATH, /usr/lib/jvm/*, /Library/Java/JavaVirtualMachines/*/Contents/Home."
    local t
    for t in "${tried[@]}"; do echo "  too old or unusable: $t"; done
    echo "Install a JDK ${SHOPSAGA_MIN_JAVA}+ (for example Temurin 21 or 25) and/or set JAVA_HOME to it."
  } >&2
  return 1
}
