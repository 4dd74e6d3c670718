-- Releases a rebuild lock only if the caller still holds it.
-- KEYS[1] lock; ARGV[1] lock token. Returns 1 when released.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
