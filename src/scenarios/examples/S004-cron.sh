# S004-cron: CronJob `reload-prometheus`: rejected as written; fixed, a Job every 3 minutes; --cascade removes them all
# zh: CronJob `reload-prometheus`：按原文被拒绝；修正后每 3 分钟一个 Job；--cascade 一并删除
cat > cronjob.yaml <<EOF
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  creationTimestamp: null
  generateName: reload-prometheus
  namespace: 【pg-allen-job】
  name: reload-prometheus
  labels:
    app: reload-prometheus
spec:
  concurrencyPolicy: Replace    # 并发策略。默认值Replace。
  failedJobsHistoryLimit: 2      # 保留的失败记录数。为了减少资源消耗，不建议配置过大。
  schedule: '*/3 * * * *'   # 定时任务的crontab时间配置，按 <minute> <hour> <day of month> <month> <day of week>格式填写。
  startingDeadlineSeconds: 60   # job启动超时时间。
  successfulJobsHistoryLimit: 5   # 保留的成功记录数。为了减少资源消耗，不建议配置过大。
  suspend: false      # 若job未执行完毕，是否挂起后续job。默认值false。
  jobTemplate:
    spec:
      backoffLimit: 3    # 重启次数限制，重启达到次数后，则不再重启。
      template:
        metadata:
          labels:
            app: reload-prometheus
        spec:
          containers:
          - command:        # 定时执行的命令。需要确保命令在容器内能够正常执行。
            - curl
            args:
            - -X
            - PUT
            - --connect-timeout
            - "10"
            - -m
            - "60"
            - https://xxx.xxx.com/paas/ops/reload-prometheus
            image: 172.30.10.185:15000/common/curl-alpine:3.8
            imagePullPolicy: IfNotPresent
            name: reload-prometheus
            resources:
              limits:
                cpu: 800m
                memory: 100Mi
              requests:
                cpu: 100m
                memory: 10Mi
          dnsPolicy: Default
          hostNetwork: true
          restartPolicy: Never   # 重启策略。
EOF
# As written: batch/v1beta1 CronJob was removed in Kubernetes 1.25, and 【pg-allen-job】 is a placeholder.
kubectl apply -f cronjob.yaml
# Fixed: apiVersion batch/v1 and namespace pg-allen-job, which the seed's commands use (created first). The URL is the
# author's internal endpoint (a placeholder outside their network); example.com stands in for it.
kubectl create namespace pg-allen-job
cat > cronjob.yaml <<EOF
apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  generateName: reload-prometheus
  namespace: pg-allen-job
  name: reload-prometheus
  labels:
    app: reload-prometheus
spec:
  concurrencyPolicy: Replace    # 并发策略。默认值Replace。
  failedJobsHistoryLimit: 2      # 保留的失败记录数。为了减少资源消耗，不建议配置过大。
  schedule: '*/3 * * * *'   # 定时任务的crontab时间配置，按 <minute> <hour> <day of month> <month> <day of week>格式填写。
  startingDeadlineSeconds: 60   # job启动超时时间。
  successfulJobsHistoryLimit: 5   # 保留的成功记录数。为了减少资源消耗，不建议配置过大。
  suspend: false      # 若job未执行完毕，是否挂起后续job。默认值false。
  jobTemplate:
    spec:
      backoffLimit: 3    # 重启次数限制，重启达到次数后，则不再重启。
      template:
        metadata:
          labels:
            app: reload-prometheus
        spec:
          containers:
          - command:        # 定时执行的命令。需要确保命令在容器内能够正常执行。
            - curl
            args:
            - -X
            - PUT
            - --connect-timeout
            - "10"
            - -m
            - "60"
            - http://example.com/
            image: 172.30.10.185:15000/common/curl-alpine:3.8
            imagePullPolicy: IfNotPresent
            name: reload-prometheus
            resources:
              limits:
                cpu: 800m
                memory: 100Mi
              requests:
                cpu: 100m
                memory: 10Mi
          dnsPolicy: Default
          hostNetwork: true
          restartPolicy: Never   # 重启策略。
EOF
kubectl apply -f cronjob.yaml
# The seed looks about 7 minutes later: runs at 09:03 and 09:06 (UTC; the cluster's clock starts at 09:00).
sleep 450
kubectl get cronjob -n pg-allen-job
kubectl get job -n pg-allen-job
kubectl get po -n pg-allen-job
# Jobs are named after their scheduled minute: 09:06 UTC on 5 January 2026 is minute 29460066 of the Unix epoch.
kubectl logs -f job/reload-prometheus-29460066 -n pg-allen-job
kubectl describe cronjob reload-prometheus -n pg-allen-job
kubectl delete cronjob reload-prometheus -n pg-allen-job --cascade=true
sleep 10
kubectl get job -n pg-allen-job
kubectl get po -n pg-allen-job
