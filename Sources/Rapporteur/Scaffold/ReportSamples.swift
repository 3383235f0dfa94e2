/// The text of a new report in the languages `rapporteur new` knows: samples to replace.
enum ReportSamples {
    /// Per language code: the texts by key.
    static let texts: [String: [String: String]] = [
        "zh-Hant": [
            "languageName": "中文",
            "title": "出席會議報告",
            "subtitle": "我國代表團",
            "description": "這是以 Rapporteur 製作的範例報告，請以您的報告簡介取代這段文字。",
            "chapterTitle": "摘要",
            "chapterDescription": "說明會議目的與成果的範例章節。",
            "chapterBody": """
            ## 目的 {#purpose}

            這是一份 APEC 會議報告的範例章節，請以您自己的內容取代。

            ## 成果 {#results}

            - 代表團出席了會議的所有場次。
            - 會中議定兩項後續工作。
            - 下次會議將於明年舉行。

            ```table participants
            ```

            [出席人員表](../tables/participants.yaml)列出代表團的成員。

            """,
            "tableCaption": "出席人員",
            "columnName": "姓名",
            "columnRole": "角色",
            "columnDays": "出席天數",
            "roleLead": "代表團團長",
            "roleMember": "團員",
            "glossaryCaption": "縮寫對照表",
            "glossaryAcronym": "縮寫",
            "glossaryExpansion": "全稱",
            "glossaryTermExpansion": "亞太經濟合作",
            "factMeeting": "會議名稱",
            "factDates": "會議日期",
            "factVenue": "會議地點",
            "sampleMeetingName": "範例會議",
            "sampleVenue": "秘魯利馬",
        ],
        "zh-Hans": [
            "languageName": "简体中文",
            "title": "出席会议报告",
            "subtitle": "我国代表团",
            "description": "这是使用Rapporteur制作的示例报告，请用您的报告简介替换这段文字。",
            "chapterTitle": "摘要",
            "chapterDescription": "介绍会议目的与成果的示例章节。",
            "chapterBody": """
            ## 目的 {#purpose}

            这是一份APEC会议报告的示例章节，请替换为您自己的内容。

            ## 成果 {#results}

            - 代表团出席了会议的全部场次。
            - 会上商定了两项后续工作。
            - 下次会议将于明年举行。

            ```table participants
            ```

            [出席人员表](../tables/participants.yaml)列出了代表团成员。

            """,
            "tableCaption": "出席人员",
            "columnName": "姓名",
            "columnRole": "角色",
            "columnDays": "出席天数",
            "roleLead": "代表团团长",
            "roleMember": "团员",
            "glossaryCaption": "缩略语对照表",
            "glossaryAcronym": "缩略语",
            "glossaryExpansion": "全称",
            "glossaryTermExpansion": "亚太经济合作组织",
            "factMeeting": "会议名称",
            "factDates": "会议日期",
            "factVenue": "会议地点",
            "sampleMeetingName": "示例会议",
            "sampleVenue": "秘鲁利马",
        ],
        "en": [
            "languageName": "English",
            "title": "Report on the meeting",
            "subtitle": "Our delegation",
            "description": """
            This is a sample report made with Rapporteur; replace this text with a short\
             description of your report.
            """,
            "chapterTitle": "Summary",
            "chapterDescription": "A sample chapter on the purpose and results of the meeting.",
            "chapterBody": """
            ## Purpose {#purpose}

            This is a sample chapter of a report on an APEC meeting. Replace it with your\
             own text.

            ## Results {#results}

            - The delegation attended all sessions of the meeting.
            - Two follow-up actions were agreed.
            - The next meeting will be held next year.

            ```table participants
            ```

            The [participants table](../tables/participants.yaml) lists the members of the\
             delegation.

            """,
            "tableCaption": "Participants",
            "columnName": "Name",
            "columnRole": "Role",
            "columnDays": "Days attended",
            "roleLead": "Head of delegation",
            "roleMember": "Delegate",
            "glossaryCaption": "Glossary",
            "glossaryAcronym": "Acronym",
            "glossaryExpansion": "Meaning",
            "glossaryTermExpansion": "Asia-Pacific Economic Cooperation",
            "factMeeting": "Meeting",
            "factDates": "Dates",
            "factVenue": "Venue",
            "sampleMeetingName": "Sample meeting",
            "sampleVenue": "Lima, Peru",
        ],
        "ja": [
            "languageName": "日本語",
            "title": "会議出席報告書",
            "subtitle": "我が国代表団",
            "description": "Rapporteurで作成したサンプルの報告書です（この文章は報告書の概要に置き換えてください）。",
            "chapterTitle": "概要",
            "chapterDescription": "会議の目的と成果をまとめたサンプルの章です。",
            "chapterBody": """
            ## 目的 {#purpose}

            これはAPEC会議に関する報告書のサンプルの章です。実際の内容に置き換えてください。

            ## 成果 {#results}

            - 代表団が会議の全セッションに出席
            - フォローアップ事項2件に合意
            - 次回会議は来年開催予定

            ```table participants
            ```

            代表団の構成は[出席者一覧](../tables/participants.yaml)のとおりです。

            """,
            "tableCaption": "出席者",
            "columnName": "氏名",
            "columnRole": "役割",
            "columnDays": "出席日数",
            "roleLead": "代表団長",
            "roleMember": "代表団員",
            "glossaryCaption": "略語一覧",
            "glossaryAcronym": "略語",
            "glossaryExpansion": "正式名称",
            "glossaryTermExpansion": "アジア太平洋経済協力",
            "factMeeting": "会議名",
            "factDates": "会期",
            "factVenue": "開催地",
            "sampleMeetingName": "サンプル会議",
            "sampleVenue": "リマ（ペルー）",
        ],
        "ko": [
            "languageName": "한국어",
            "title": "회의 참석 결과 보고서",
            "subtitle": "우리 대표단",
            "description": "Rapporteur로 만든 예시 보고서이며, 이 문장은 보고서 소개로 바꾸어 주십시오.",
            "chapterTitle": "요약",
            "chapterDescription": "회의의 목적과 결과를 정리한 예시 장입니다.",
            "chapterBody": """
            ## 목적 {#purpose}

            이 장은 APEC 회의 보고서의 예시 장입니다. 실제 내용으로 바꾸어 주십시오.

            ## 결과 {#results}

            - 대표단이 회의 전 세션에 참석함
            - 후속 조치 2건에 합의함
            - 차기 회의는 내년 개최 예정

            ```table participants
            ```

            대표단 구성은 [참석자 명단](../tables/participants.yaml)을 참조하십시오.

            """,
            "tableCaption": "참석자",
            "columnName": "성명",
            "columnRole": "역할",
            "columnDays": "참석 일수",
            "roleLead": "수석대표",
            "roleMember": "대표단원",
            "glossaryCaption": "약어 목록",
            "glossaryAcronym": "약어",
            "glossaryExpansion": "정식 명칭",
            "glossaryTermExpansion": "아시아태평양경제협력체",
            "factMeeting": "회의명",
            "factDates": "회의 기간",
            "factVenue": "개최지",
            "sampleMeetingName": "예시 회의",
            "sampleVenue": "페루 리마",
        ],
        "es": [
            "languageName": "Español",
            "title": "Informe sobre la reunión",
            "subtitle": "Nuestra delegación",
            "description": """
            Informe de ejemplo elaborado con Rapporteur (sustituya este texto por una breve\
             descripción de su informe).
            """,
            "chapterTitle": "Resumen",
            "chapterDescription": "Capítulo de ejemplo sobre el objetivo y los resultados de la reunión.",
            "chapterBody": """
            ## Objetivo {#purpose}

            Este es un capítulo de ejemplo de un informe sobre una reunión de APEC.\
             Sustitúyalo por su propio texto.

            ## Resultados {#results}

            - La delegación asistió a todas las sesiones de la reunión.
            - Se acordaron dos medidas de seguimiento.
            - La próxima reunión se celebrará el año que viene.

            ```table participants
            ```

            El [cuadro de participantes](../tables/participants.yaml) enumera a los\
             miembros de la delegación.

            """,
            "tableCaption": "Participantes",
            "columnName": "Nombre",
            "columnRole": "Función",
            "columnDays": "Días de asistencia",
            "roleLead": "Jefe de la delegación",
            "roleMember": "Delegado",
            "glossaryCaption": "Glosario",
            "glossaryAcronym": "Sigla",
            "glossaryExpansion": "Significado",
            "glossaryTermExpansion": "Foro de Cooperación Económica Asia-Pacífico",
            "factMeeting": "Reunión",
            "factDates": "Fechas",
            "factVenue": "Lugar",
            "sampleMeetingName": "Reunión de ejemplo",
            "sampleVenue": "Lima (Perú)",
        ],
        "fr": [
            "languageName": "Français",
            "title": "Rapport sur la réunion",
            "subtitle": "Notre délégation",
            "description": """
            Exemple de rapport réalisé avec Rapporteur (remplacez ce texte par une courte\
             description de votre rapport).
            """,
            "chapterTitle": "Résumé",
            "chapterDescription": "Chapitre d’exemple sur l’objectif et les résultats de la réunion.",
            "chapterBody": """
            ## Objectif {#purpose}

            Ceci est un chapitre d’exemple d’un rapport sur une réunion de l’APEC.\
             Remplacez-le par votre propre texte.

            ## Résultats {#results}

            - La délégation a assisté à toutes les séances de la réunion.
            - Deux mesures de suivi ont été arrêtées.
            - La prochaine réunion se tiendra l’année prochaine.

            ```table participants
            ```

            Le [tableau des participants](../tables/participants.yaml) présente les membres\
             de la délégation.

            """,
            "tableCaption": "Participants",
            "columnName": "Nom",
            "columnRole": "Fonction",
            "columnDays": "Jours de présence",
            "roleLead": "Chef de la délégation",
            "roleMember": "Délégué",
            "glossaryCaption": "Glossaire",
            "glossaryAcronym": "Sigle",
            "glossaryExpansion": "Signification",
            "glossaryTermExpansion": "Coopération économique pour l’Asie-Pacifique",
            "factMeeting": "Réunion",
            "factDates": "Dates",
            "factVenue": "Lieu",
            "sampleMeetingName": "Réunion d’exemple",
            "sampleVenue": "Lima (Pérou)",
        ],
    ]
}
