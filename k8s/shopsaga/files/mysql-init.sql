-- One schema per service, each with its own user that can reach only that schema.
-- Local development defaults only: the password of user <schema> is '<schema>-local'.
-- Idempotent, and valid on MySQL 8.4 and MariaDB 10.11 / 11.4. Applied by docker-compose.yml (MySQL's
-- /docker-entrypoint-initdb.d) and by bin/stack (local-stack's InitDatabase, over JDBC as the admin user).
-- Adding a service with a schema: add its three statements here (see docs/stack.md).

CREATE DATABASE IF NOT EXISTS `balance` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'balance'@'%' IDENTIFIED BY 'balance-local';
GRANT ALL PRIVILEGES ON `balance`.* TO 'balance'@'%';

CREATE DATABASE IF NOT EXISTS `product` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'product'@'%' IDENTIFIED BY 'product-local';
GRANT ALL PRIVILEGES ON `product`.* TO 'product'@'%';

CREATE DATABASE IF NOT EXISTS `coupon` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'coupon'@'%' IDENTIFIED BY 'coupon-local';
GRANT ALL PRIVILEGES ON `coupon`.* TO 'coupon'@'%';

CREATE DATABASE IF NOT EXISTS `orders` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'orders'@'%' IDENTIFIED BY 'orders-local';
GRANT ALL PRIVILEGES ON `orders`.* TO 'orders'@'%';

CREATE DATABASE IF NOT EXISTS `ranking` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'ranking'@'%' IDENTIFIED BY 'ranking-local';
GRANT ALL PRIVILEGES ON `ranking`.* TO 'ranking'@'%';

CREATE DATABASE IF NOT EXISTS `dataplatform` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'dataplatform'@'%' IDENTIFIED BY 'dataplatform-local';
GRANT ALL PRIVILEGES ON `dataplatform`.* TO 'dataplatform'@'%';
