-- 老年教育: the district's senior-education institutions, their courses of the term and the
-- subjects a part-time teacher may register for. Reference data of the demo district (徐汇区),
-- marked 演示; a real deployment replaces these rows. Enrolments are the senior-education
-- applications themselves (answers.courseId): a seat is taken until the part is rejected.

CREATE TABLE education_institutions (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,64}$'),
  kind text NOT NULL CHECK (kind IN ('senior-university', 'community-school')),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  address_zh text NOT NULL,
  address_en text NOT NULL,
  sort_order integer NOT NULL
);

CREATE TABLE education_courses (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,64}$'),
  institution_id text NOT NULL REFERENCES education_institutions (id),
  title_zh text NOT NULL,
  title_en text NOT NULL,
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts_at text NOT NULL CHECK (starts_at ~ '^\d{2}:\d{2}$'),
  ends_at text NOT NULL CHECK (ends_at ~ '^\d{2}:\d{2}$'),
  term_zh text NOT NULL,
  term_en text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  -- A course no longer offered keeps its rows (old applications name it) but is not listed.
  open boolean NOT NULL DEFAULT true
);
CREATE INDEX education_courses_institution ON education_courses (institution_id, weekday, starts_at);

CREATE TABLE education_teacher_subjects (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9-]{1,64}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL
);

-- Seats left and "already enrolled" count the enrolments of one course.
CREATE INDEX applications_education_course ON applications ((answers->>'courseId'))
  WHERE service_key = 'senior-education';

INSERT INTO education_institutions (id, kind, name_zh, name_en, address_zh, address_en, sort_order) VALUES
  ('xuhui-senior-university', 'senior-university', '徐汇区老年大学（演示）', 'Xuhui Senior University (demo)',
   '徐汇区宛平南路（演示地址）', 'Wanping Road South, Xuhui (demo address)', 1),
  ('tianping-community-school', 'community-school', '天平路街道社区学校（演示）', 'Tianping Road Community School (demo)',
   '徐汇区天平路街道社区文化活动中心（演示地址）', 'Tianping Road community culture centre (demo address)', 2),
  ('hunan-road-senior-school', 'community-school', '湖南路街道老年学校（演示）', 'Hunan Road Senior School (demo)',
   '徐汇区湖南路街道社区事务受理服务中心二楼（演示地址）', '2nd floor, Hunan Road community service centre (demo address)', 3);

INSERT INTO education_courses (id, institution_id, title_zh, title_en, weekday, starts_at, ends_at, term_zh, term_en, capacity) VALUES
  ('xh-calligraphy', 'xuhui-senior-university', '书法入门', 'Calligraphy for beginners', 1, '09:00', '11:00', '2027年春季学期', 'Spring term 2027', 30),
  ('xh-choir', 'xuhui-senior-university', '声乐合唱', 'Choir singing', 2, '13:30', '15:30', '2027年春季学期', 'Spring term 2027', 35),
  ('xh-smartphone', 'xuhui-senior-university', '智能手机应用', 'Using a smartphone', 3, '14:00', '16:00', '2027年春季学期', 'Spring term 2027', 25),
  ('xh-taichi', 'xuhui-senior-university', '太极拳', 'Tai chi', 5, '08:30', '10:00', '2027年春季学期', 'Spring term 2027', 40),
  ('tp-painting', 'tianping-community-school', '国画花鸟', 'Chinese painting: flowers and birds', 4, '09:00', '11:00', '2027年春季学期', 'Spring term 2027', 20),
  ('tp-photography', 'tianping-community-school', '摄影基础', 'Photography basics', 2, '09:30', '11:00', '2027年春季学期', 'Spring term 2027', 15),
  ('hn-english', 'hunan-road-senior-school', '英语会话', 'English conversation', 1, '14:00', '15:30', '2027年春季学期', 'Spring term 2027', 20),
  ('hn-health', 'hunan-road-senior-school', '健康养生讲座', 'Healthy living talks', 3, '09:30', '11:00', '2027年春季学期', 'Spring term 2027', 50);

INSERT INTO education_teacher_subjects (key, name_zh, name_en, sort_order) VALUES
  ('calligraphy', '书法', 'Calligraphy', 1),
  ('painting', '绘画', 'Painting', 2),
  ('music', '声乐器乐', 'Singing and instruments', 3),
  ('dance', '舞蹈', 'Dance', 4),
  ('taichi', '太极拳与健身', 'Tai chi and fitness', 5),
  ('smartphone', '智能手机与电脑', 'Smartphones and computers', 6),
  ('language', '外语', 'Foreign languages', 7),
  ('photography', '摄影', 'Photography', 8),
  ('health', '健康养生', 'Healthy living', 9),
  ('handicraft', '手工艺', 'Handicrafts', 10);
