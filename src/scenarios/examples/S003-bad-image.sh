# S003-bad-image: a bad image tag stalls the rollout while the old pods serve; `rollout undo` recovers; revisions renumber
# zh: 错误的镜像标签让滚动更新停住，旧 Pod 继续服务；`rollout undo` 恢复；修订号重新编号
# The seed's nginx-deploy.yaml, with the container's fields lined up under `- image:`.
cat > nginx-deploy.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
 annotations:
  deployment.k8s.io/revision: "1"
 creationTimestamp: "2020-09-19T02:41:11Z"
 generation: 1
 labels:
  app: nginx
 name: nginx
 namespace: default
spec:
 progressDeadlineSeconds: 600
 replicas: 2 #副本数
 revisionHistoryLimit: 10 # 历史记录保留的个数
 selector:
  matchLabels:
   app: nginx
 strategy:
  rollingUpdate:
   maxSurge: 25%
   maxUnavailable: 25%
  type: RollingUpdate
 template:
  metadata:
   creationTimestamp: null
   labels:
    app: nginx
  spec:
   containers:
   - image: nginx:1.15.2
     imagePullPolicy: IfNotPresent
     name: nginx
     resources: {}
     terminationMessagePath: /dev/termination-log
     terminationMessagePolicy: File
   dnsPolicy: ClusterFirst
   restartPolicy: Always
   schedulerName: default-scheduler
   securityContext: {}
   terminationGracePeriodSeconds: 30
EOF
kubectl create -f nginx-deploy.yaml
sleep 15
# Revisions 2 and 3 of the seed's history.
kubectl set image deploy nginx nginx=nginx:1.15.3 --record
sleep 30
kubectl set image deploy nginx nginx=nginx:1.15.4 --record
sleep 30
kubectl set image deploy nginx nginx=nginx:787977da --record
sleep 20
kubectl get po
kubectl get deploy nginx
kubectl describe pods -l app=nginx
kubectl rollout history deploy nginx
kubectl rollout undo deploy nginx
sleep 15
kubectl get po
kubectl get deploy nginx -oyaml | grep nginx
# Several updates in a row, a few seconds apart as when typed.
kubectl set image deploy nginx nginx=nginx:787977da --record
sleep 3
kubectl set image deploy nginx nginx=nginx:787977dadaa --record
sleep 3
kubectl set image deploy nginx nginx=nginx:787977xxxxxdadaa --record
sleep 3
kubectl set image deploy nginx nginx=nginx:787977dadxxxxxdadaa --record
sleep 20
kubectl rollout history deploy nginx
kubectl rollout history deploy nginx --revision=5
kubectl rollout undo deploy nginx --to-revision=5
sleep 20
kubectl get po
kubectl get deploy nginx
