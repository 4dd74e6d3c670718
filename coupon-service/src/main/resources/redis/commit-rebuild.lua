-- Installs a campaign's state rebuilt from MySQL, if the caller still holds the rebuild lock.
-- KEYS[1] state hash; KEYS[2] grants hash; KEYS[3] the grants staged by this rebuild; KEYS[4] rebuild lock
-- ARGV[1] lock token; ARGV[2] total; ARGV[3] remaining
-- Returns 1 when installed, 0 when the lock was lost (the staged grants are dropped).
if redis.call('GET', KEYS[4]) ~= ARGV[1] then
  redis.call('DEL', KEYS[3])
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[2])
  redis.call('PERSIST', KEYS[2])
end
redis.call('HSET', KEYS[1], 'total', ARGV[2], 'remaining', ARGV[3])
redis.call('DEL', KEYS[4])
return 1
