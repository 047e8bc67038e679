# S003-sts-partition: StatefulSet `web` with partition 2: set image replaces web-4, web-3, web-2 in turn; web-0, web-1 stay
# zh: 分区为 2 的 StatefulSet `web`：set image 依次替换 web-4、web-3、web-2；web-0、web-1 不变
# The seed's nginx-sts.yaml with its tabs replaced by spaces.
cat > nginx-sts.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
 name: nginx
 labels:
  app: nginx
spec:
 ports:
 - port: 80
   name: web
 clusterIP: None
 selector:
  app: nginx

---
apiVersion: apps/v1
kind: StatefulSet
metadata:
 name: web
spec:
 serviceName: "nginx"
 replicas: 2
 selector:
  matchLabels:
   app: nginx
 template:
  metadata:
   labels:
    app: nginx
  spec:
   containers:
   - name: nginx
     image: nginx
     ports:
     - containerPort: 80
       name: web
EOF
kubectl create -f nginx-sts.yaml
sleep 20
kubectl scale sts web --replicas=5
sleep 30
kubectl get po -l app=nginx -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,IMAGE:.spec.containers[0].image
# The seed sets the partition in `kubectl edit sts web`; the same change without an editor:
kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'
kubectl set image sts web nginx=nginx:1.21.6 --record
# `kubectl get po -l app=nginx -w` shows each pod go; sampled instead, then the creation times tell the order.
sleep 5
kubectl get po -l app=nginx
sleep 40
kubectl get po -l app=nginx
kubectl get po -l app=nginx -o custom-columns='NAME:.metadata.name,UID:.metadata.uid,IMAGE:.spec.containers[0].image,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime'
kubectl rollout status sts web
kubectl get sts web -o jsonpath='{.status.updatedReplicas} {.status.currentReplicas} {.status.readyReplicas}'
