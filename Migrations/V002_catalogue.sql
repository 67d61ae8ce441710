-- The catalogue of the 2017 plan (国办发〔2017〕22号): regions, pairings, task areas and tasks.
-- Task headings are a reconstruction where `basis` is not 'verified'; reword them in a new migration.

INSERT INTO region (code, name_zh, name_en, level, side) VALUES
    ('210000', '辽宁省',       'Liaoning',       'province',            'northeast'),
    ('220000', '吉林省',       'Jilin',          'province',            'northeast'),
    ('230000', '黑龙江省',     'Heilongjiang',   'province',            'northeast'),
    ('150000', '内蒙古自治区', 'Inner Mongolia', 'autonomous-region',   'northeast'),
    ('210100', '沈阳市',       'Shenyang',       'sub-provincial-city', 'northeast'),
    ('210200', '大连市',       'Dalian',         'sub-provincial-city', 'northeast'),
    ('220100', '长春市',       'Changchun',      'sub-provincial-city', 'northeast'),
    ('230100', '哈尔滨市',     'Harbin',         'sub-provincial-city', 'northeast'),
    ('320000', '江苏省',       'Jiangsu',        'province',            'east'),
    ('330000', '浙江省',       'Zhejiang',       'province',            'east'),
    ('440000', '广东省',       'Guangdong',      'province',            'east'),
    ('110000', '北京市',       'Beijing',        'municipality',        'east'),
    ('310000', '上海市',       'Shanghai',       'municipality',        'east'),
    ('120000', '天津市',       'Tianjin',        'municipality',        'east'),
    ('440300', '深圳市',       'Shenzhen',       'sub-provincial-city', 'east');

INSERT INTO pairing (id, northeast_region, east_region, level, status, parent_id) VALUES
    ('liaoning-jiangsu',       '210000', '320000', 'province', 'active',    NULL),
    ('jilin-zhejiang',         '220000', '330000', 'province', 'active',    NULL),
    ('heilongjiang-guangdong', '230000', '440000', 'province', 'active',    NULL),
    ('shenyang-beijing',       '210100', '110000', 'city',     'active',    NULL),
    ('dalian-shanghai',        '210200', '310000', 'city',     'active',    NULL),
    ('changchun-tianjin',      '220100', '120000', 'city',     'active',    NULL),
    ('harbin-shenzhen',        '230100', '440300', 'city',     'active',    NULL),
    ('inner-mongolia',         '150000', NULL,     'province', 'exploring', NULL);

INSERT INTO task_area (code, name_zh, name_en, basis) VALUES
    ('1', '推进体制机制创新', 'Institutional and mechanism innovation', 'verified'),
    ('2', '加快产业结构调整', 'Industrial cooperation and restructuring', 'verified'),
    ('3', '提升创新创业水平', 'Innovation and entrepreneurship', 'verified'),
    ('4', '搭建合作平台载体', 'Cooperation platforms', 'verified');

INSERT INTO task (code, area_code, name_zh, name_en, basis) VALUES
    ('1.1', '1', '深化行政管理体制改革',     'Administrative reform (streamlining, business environment)', 'field-verified'),
    ('1.2', '1', '推进国有企业改革合作',     'State-owned enterprise reform',                              'field-verified'),
    ('1.3', '1', '促进民营经济发展',         'Private-economy development',                                'field-verified'),
    ('1.4', '1', '推进对内对外开放合作',     'Opening up, at home and abroad',                             'field-verified'),
    ('1.5', '1', '复制推广东部地区改革经验', 'Replicating the East''s reform practices',                    'inferred'),
    ('2.1', '2', '推进装备制造等优势产业合作', 'Equipment manufacturing and other strong industries',      'field-verified'),
    ('2.2', '2', '推进新兴产业合作',         'Emerging industries (robotics, biomedicine, new materials)', 'field-verified'),
    ('2.3', '2', '推进农业和绿色食品产业合作', 'Agriculture and green food',                               'field-verified'),
    ('2.4', '2', '推进生产性服务业合作',     'Producer services, finance included',                        'field-verified'),
    ('2.5', '2', '推进文化旅游健康产业合作', 'Culture, tourism and health',                                'field-verified'),
    ('3.1', '3', '推进科技研发和成果转化合作', 'R&D and technology transfer',                              'field-verified'),
    ('3.2', '3', '推进高校和科研院所交流合作', 'Universities and research institutes',                     'field-verified'),
    ('3.3', '3', '推进创业创新平台共建',     'Entrepreneurship and innovation platforms',                  'field-verified'),
    ('3.4', '3', '促进高端人才交流',         'High-end talent exchange',                                   'field-verified'),
    ('4.1', '4', '推进重点功能区对接合作',   'Linking key development zones',                              'field-verified'),
    ('4.2', '4', '共建产业合作园区',         'Co-built industrial parks',                                  'field-verified'),
    ('4.3', '4', '促进重点城市合作发展',     'Key-city cooperation',                                       'field-verified'),
    ('4.4', '4', '发展飞地经济和利益分享机制', 'Enclave economy and benefit sharing',                      'inferred');
